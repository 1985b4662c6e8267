package io.github.scpauditor.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures the handler's cold start as Lambda would pay it: JVM start to the first result, through the
 * public no-argument constructor (SDK clients from the environment) and one invocation. Not a test; run
 * against a local endpoint, for example moto with an organisation in it:
 *
 * <pre>
 * AWS_REGION=cn-northwest-1 AWS_ENDPOINT_URL=http://127.0.0.1:5000 AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing \
 * java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -cp CLASSPATH io.github.scpauditor.lambda.ColdStartProbe events/on-demand.json
 * </pre>
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        byte[] event = Files.readAllBytes(Path.of(args.length > 0 ? args[0] : "events/on-demand.json"));
        long mainStart = System.currentTimeMillis();
        AuditHandler handler = new AuditHandler();
        long constructed = System.currentTimeMillis();
        TestContext context = new TestContext();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, context);
        long done = System.currentTimeMillis();
        System.out.printf("JVM start to main: %d ms; constructor (clients, audit engine): %d ms; first invocation: %d ms;"
                        + " JVM start to first result: %d ms; result %d bytes%n",
                mainStart - jvmStart, constructed - mainStart, done - constructed, done - jvmStart, out.size());
        context.logLines.forEach(System.out::println);
    }
}
