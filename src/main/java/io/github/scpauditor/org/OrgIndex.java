package io.github.scpauditor.org;

import io.github.scpauditor.report.Exposure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot looked up by id: what each target is called and what kind it is, and which active accounts
 * an SCP attached to some targets actually restricts (the blast radius).
 */
public final class OrgIndex {

    public static final String SCP_TYPE = "SERVICE_CONTROL_POLICY";

    private final OrgSnapshot snapshot;
    private final Map<String, OrgSnapshot.Root> roots = new HashMap<>();
    private final Map<String, OrgSnapshot.OrganizationalUnit> ous = new HashMap<>();
    private final Map<String, OrgSnapshot.Account> accounts = new HashMap<>();

    public OrgIndex(OrgSnapshot snapshot) {
        this.snapshot = snapshot;
        snapshot.roots().forEach(r -> roots.put(r.id(), r));
        snapshot.organizationalUnits().forEach(o -> ous.put(o.id(), o));
        snapshot.accounts().forEach(a -> accounts.put(a.id(), a));
    }

    public OrgSnapshot snapshot() {
        return snapshot;
    }

    /** Are SCPs enabled on this root? */
    public static boolean scpsEnabled(OrgSnapshot.Root root) {
        return root.enabledPolicyTypes() != null && root.enabledPolicyTypes().contains(SCP_TYPE);
    }

    /** A target as Organizations names it: ROOT, ORGANIZATIONAL_UNIT or ACCOUNT, with its name when the snapshot knows it. */
    public Exposure.Target target(String id) {
        if (roots.containsKey(id)) {
            return new Exposure.Target(id, roots.get(id).name(), "ROOT");
        }
        if (ous.containsKey(id)) {
            return new Exposure.Target(id, ous.get(id).name(), "ORGANIZATIONAL_UNIT");
        }
        if (accounts.containsKey(id)) {
            return new Exposure.Target(id, accounts.get(id).name(), "ACCOUNT");
        }
        String type = id.startsWith("r-") ? "ROOT" : id.startsWith("ou-") ? "ORGANIZATIONAL_UNIT" : "ACCOUNT";
        return new Exposure.Target(id, null, type);
    }

    /** Where a policy attached to these targets bites; null for a policy attached nowhere. */
    public Exposure exposure(List<String> targetIds) {
        if (targetIds.isEmpty()) {
            return null;
        }
        Set<String> targets = new LinkedHashSet<>(targetIds);
        int active = 0;
        for (OrgSnapshot.Account account : snapshot.accounts()) {
            if ("ACTIVE".equals(account.status()) && restricts(account, targets)) {
                active++;
            }
        }
        List<Exposure.Target> named = new ArrayList<>();
        targets.forEach(id -> named.add(target(id)));
        return new Exposure(named, active);
    }

    /**
     * Does a policy attached to these targets restrict this account? Only if the account or one of its
     * ancestors is a target, it is not the management account (SCPs never apply there), and SCPs are
     * enabled on its root.
     */
    private boolean restricts(OrgSnapshot.Account account, Set<String> targets) {
        if (account.id().equals(snapshot.managementAccountId())) {
            return false;
        }
        boolean attached = targets.contains(account.id());
        String parent = account.parentId();
        Set<String> seen = new LinkedHashSet<>();
        while (parent != null && seen.add(parent)) {
            attached |= targets.contains(parent);
            if (roots.containsKey(parent)) {
                return attached && scpsEnabled(roots.get(parent));
            }
            OrgSnapshot.OrganizationalUnit ou = ous.get(parent);
            parent = ou == null ? null : ou.parentId();
        }
        // A parent the snapshot does not know: count it only where the policy is attached on the known path.
        return attached;
    }
}
