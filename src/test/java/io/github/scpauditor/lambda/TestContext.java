package io.github.scpauditor.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/** A Lambda Context as the runtime gives one: a function in aws-cn, a remaining-time clock, a logger whose lines the test reads. */
final class TestContext implements Context {

    static final String FUNCTION = "scp-auditor-AuditFunction-TEST";
    static final String ACCOUNT = "123456789012";

    private final IntSupplier remainingMillis;
    final List<String> logLines = new ArrayList<>();

    TestContext(IntSupplier remainingMillis) {
        this.remainingMillis = remainingMillis;
    }

    /** A fresh invocation with the template's 900 s timeout. */
    TestContext() {
        this(() -> 900_000);
    }

    @Override
    public String getAwsRequestId() {
        return "8f5f1a2c-0000-4000-8000-000000000001";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + FUNCTION;
    }

    @Override
    public String getLogStreamName() {
        return "2026/11/24/[$LATEST]0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
        return FUNCTION;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws-cn:lambda:cn-north-1:" + ACCOUNT + ":function:" + FUNCTION;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return remainingMillis.getAsInt();
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                for (String line : message.split("\n")) {
                    if (!line.isEmpty()) {
                        logLines.add(line);
                    }
                }
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
