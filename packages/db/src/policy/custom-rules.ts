// An organization's custom CEL rules: saved only when they compile, used by the next scan.
import { compileCustomRule, type CustomRuleDef, type CustomRuleError } from "@bulwark/rules";
import type { CustomRule, Severity } from "../generated/prisma/client";
import { db } from "../client";
import { DomainError, NotFoundError } from "../errors";
import { writeAudit } from "../audit/write-audit";

export interface TCustomRuleInput {
  ruleId: string;
  title: string;
  severity: Severity;
  kinds: string[];
  expression: string;
  message: string;
  remediation: string;
  description?: string | null;
  path?: string | null;
}

/** A save that does not compile; `errors` carry line/column for the editor. */
export class CustomRuleCompileError extends DomainError {
  constructor(public readonly errors: CustomRuleError[]) {
    super(`the rule does not compile: ${errors.map((e) => (e.line ? `${e.line}:${e.column} ${e.message}` : e.message)).join("; ")}`);
    this.name = "CustomRuleCompileError";
  }
}

export function customRuleDef(r: TCustomRuleInput | CustomRule): CustomRuleDef {
  return {
    id: r.ruleId,
    title: r.title,
    severity: r.severity,
    kinds: [...r.kinds],
    expression: r.expression,
    message: r.message,
    remediation: r.remediation,
    ...(r.description ? { description: r.description } : {}),
    ...(r.path ? { path: r.path } : {}),
  };
}

function compileOrThrow(input: TCustomRuleInput): void {
  const res = compileCustomRule(customRuleDef(input));
  if (!res.ok) throw new CustomRuleCompileError(res.errors);
}

const auditData = (r: CustomRule) => ({ ruleId: r.ruleId, title: r.title, severity: r.severity, kinds: r.kinds, expression: r.expression, enabled: r.enabled });

export async function createCustomRule(input: TCustomRuleInput & { orgId: string; actorId: string; enabled?: boolean; ip?: string | null }): Promise<CustomRule> {
  compileOrThrow(input);
  return db.$transaction(async (tx) => {
    const taken = await tx.customRule.findFirst({ where: { orgId: input.orgId, ruleId: input.ruleId }, select: { id: true } });
    if (taken) throw new DomainError(`a custom rule with id ${input.ruleId} exists already`);
    const rule = await tx.customRule.create({
      data: {
        orgId: input.orgId,
        ruleId: input.ruleId,
        title: input.title.trim(),
        severity: input.severity,
        kinds: input.kinds,
        expression: input.expression,
        message: input.message,
        remediation: input.remediation,
        description: input.description || null,
        path: input.path || null,
        enabled: input.enabled ?? true,
        createdById: input.actorId,
      },
    });
    await writeAudit({ orgId: input.orgId, actorId: input.actorId, action: "custom_rule.create", targetType: "custom_rule", targetId: rule.id, data: auditData(rule), ip: input.ip ?? null }, tx);
    return rule;
  });
}

/** Edits a rule's definition (its id stays: findings carry it). */
export async function updateCustomRule(input: Omit<TCustomRuleInput, "ruleId"> & { orgId: string; id: string; actorId: string; ip?: string | null }): Promise<CustomRule> {
  return db.$transaction(async (tx) => {
    const current = await tx.customRule.findFirst({ where: { id: input.id, orgId: input.orgId } });
    if (!current) throw new NotFoundError("custom rule");
    compileOrThrow({ ...input, ruleId: current.ruleId });
    const rule = await tx.customRule.update({
      where: { id: current.id },
      data: {
        title: input.title.trim(),
        severity: input.severity,
        kinds: input.kinds,
        expression: input.expression,
        message: input.message,
        remediation: input.remediation,
        description: input.description || null,
        path: input.path || null,
      },
    });
    await writeAudit({ orgId: input.orgId, actorId: input.actorId, action: "custom_rule.update", targetType: "custom_rule", targetId: rule.id, data: auditData(rule), ip: input.ip ?? null }, tx);
    return rule;
  });
}

export async function setCustomRuleEnabled(input: { orgId: string; id: string; actorId: string; enabled: boolean; ip?: string | null }): Promise<CustomRule> {
  return db.$transaction(async (tx) => {
    const current = await tx.customRule.findFirst({ where: { id: input.id, orgId: input.orgId } });
    if (!current) throw new NotFoundError("custom rule");
    const rule = await tx.customRule.update({ where: { id: current.id }, data: { enabled: input.enabled } });
    await writeAudit(
      { orgId: input.orgId, actorId: input.actorId, action: input.enabled ? "custom_rule.enable" : "custom_rule.disable", targetType: "custom_rule", targetId: rule.id, data: { ruleId: rule.ruleId }, ip: input.ip ?? null },
      tx,
    );
    return rule;
  });
}

/** Deletes the rule; its stored findings stay until the next scan no longer reports them. */
export async function deleteCustomRule(input: { orgId: string; id: string; actorId: string; ip?: string | null }): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await tx.customRule.findFirst({ where: { id: input.id, orgId: input.orgId } });
    if (!current) throw new NotFoundError("custom rule");
    await tx.customRule.delete({ where: { id: current.id } });
    await writeAudit({ orgId: input.orgId, actorId: input.actorId, action: "custom_rule.delete", targetType: "custom_rule", targetId: current.id, data: auditData(current), ip: input.ip ?? null }, tx);
  });
}
