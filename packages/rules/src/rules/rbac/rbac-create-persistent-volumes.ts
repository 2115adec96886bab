import { ruleGrants, roleContentRule, roleName, list } from "../../helpers/rbac";

// Only create makes a new hostPath volume; update and patch cannot change a PersistentVolume's source.
// create cannot be limited by resourceNames (the name is not known at authorization), so a named
// grant gives no create at all.
const CHECK = { verbs: ["create"], resources: [["", "persistentvolumes"]] as const, includeNamed: false };

export const rbacCreatePersistentVolumes = roleContentRule({
  id: "rbac-create-persistent-volumes",
  title: "Role can create PersistentVolumes",
  category: "rbac",
  severity: "high",
  description:
    "Creating a PersistentVolume can point a hostPath volume at any node directory; a pod claiming it then reads or writes the node's filesystem despite Pod Security Admission.",
  remediation: "Let users create PersistentVolumeClaims with StorageClasses; keep PersistentVolume creation to administrators.",
  references: ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/#persistent-volume-creation"],
  peers: { kubescape: ["C-0278"], cis: ["5.1.9"], nsa: ["RBAC"] },
  matches: (r) => ruleGrants(r, CHECK),
  message: (role, r) => `${roleName(role)} grants [${list(r.verbs)}] on PersistentVolumes: can expose node paths`,
});
