package io.github.scpauditor.org;

import java.util.List;

/**
 * An organisation as read at one moment: roots (with their enabled policy types), OUs, accounts and
 * every SCP with its content and targets. Saved as JSON by `audit --snapshot-out` and read back by
 * `audit SNAPSHOT.json`; the examples/ organisation is one.
 */
public record OrgSnapshot(
        String organizationId,
        String managementAccountId,
        String partition,
        String readAt,
        List<Root> roots,
        List<OrganizationalUnit> organizationalUnits,
        List<Account> accounts,
        List<Scp> policies) {

    public OrgSnapshot {
        roots = List.copyOf(roots);
        organizationalUnits = List.copyOf(organizationalUnits);
        accounts = List.copyOf(accounts);
        policies = List.copyOf(policies);
    }

    /** A root; SCPs apply only if "SERVICE_CONTROL_POLICY" is among its enabled policy types. */
    public record Root(String id, String name, List<String> enabledPolicyTypes) {
    }

    public record OrganizationalUnit(String id, String name, String parentId) {
    }

    /** An account; status is ACTIVE, SUSPENDED, PENDING_CLOSURE… as Organizations reports it. */
    public record Account(String id, String name, String status, String parentId) {
    }

    /** An SCP: content exactly as stored, and the ids of the roots, OUs and accounts it is attached to. */
    public record Scp(String id, String name, String arn, boolean awsManaged, String content, List<String> targetIds) {
    }
}
