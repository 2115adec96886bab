// Fair scan queue on the postgres backend: tenant A's backlog of scans does not hold up tenant B's
// scheduled scans, and A never runs more scans at once than one organization may (2 of 3 slots).
import { fairnessSuite } from "./fairness-scenario";

fairnessSuite("postgres");
