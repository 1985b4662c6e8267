package io.github.scpauditor.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void unsetVariablesTakeTheirDefaults() {
        assertThat(Settings.fromEnvironment(Map.of())).isEqualTo(new Settings(null, "en", true, 10_240));
    }

    @Test
    void everyVariableIsRead() {
        assertThat(Settings.fromEnvironment(Map.of(
                "FINDINGS_TOPIC_ARN", "arn:aws-cn:sns:cn-north-1:123456789012:findings",
                "REPORT_LOCALE", "zh-CN",
                "PUBLISH_WHEN_CLEAN", "FALSE",
                "SCP_SIZE_QUOTA", "5120")))
                .isEqualTo(new Settings("arn:aws-cn:sns:cn-north-1:123456789012:findings", "zh-CN", false, 5_120));
    }

    @Test
    void aValueThatIsSetButWrongNamesItsVariable() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("REPORT_LOCALE", "zh-TW")))
                .hasMessage("REPORT_LOCALE: unsupported locale \"zh-TW\"; supported: en, zh-CN");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PUBLISH_WHEN_CLEAN", "yes")))
                .hasMessage("PUBLISH_WHEN_CLEAN must be true or false, not \"yes\"");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("SCP_SIZE_QUOTA", "0")))
                .hasMessage("SCP_SIZE_QUOTA must be a positive whole number, not \"0\"");
    }
}
