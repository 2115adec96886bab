// storage rules (category barrel).
import type { Rule } from "../../types";
import { storageClassUnencrypted } from "./storage-class-unencrypted";
import { storageHostPathPersistentVolume } from "./storage-host-path-persistent-volume";

export const storageRules: Rule[] = [
  storageClassUnencrypted,
  storageHostPathPersistentVolume,
];
