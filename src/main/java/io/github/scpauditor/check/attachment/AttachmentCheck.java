package io.github.scpauditor.check.attachment;

import io.github.scpauditor.check.CheckInfo;
import io.github.scpauditor.org.OrgIndex;
import io.github.scpauditor.report.Finding;
import java.util.List;

/** A check of where SCPs are attached rather than what they say: a pure function of the organisation. */
public interface AttachmentCheck {

    CheckInfo info();

    List<Finding> check(OrgIndex organization);
}
