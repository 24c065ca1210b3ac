import type { BusinessDate } from '../../shared/business-date';
import type { Reminder, ReminderRecipients, ReminderRule } from './reminder';
import type { DistrictNames, ProjectReminderFacts, ReminderFacts } from './reminder-facts';
import { reminderId } from './reminder-id';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './reminder-settings';
import { collectSentReminderIds } from './sent-reminder-ids';
import { districtName } from './messages.vi';

/** Every rule has this shape: the facts, the scan date, the settings, the ids already sent. */
export type ReminderRuleFn = (
  facts: ReminderFacts,
  asOf: BusinessDate,
  settings?: ReminderSettings,
  sent?: ReadonlySet<string>,
) => Reminder[];

/** One scan as a rule sees it, the settings filled in. */
export interface RuleScan {
  readonly facts: ReminderFacts;
  readonly asOf: BusinessDate;
  readonly settings: ReminderSettings;
}

/** When a reminder is due and who gets it. */
export interface Due {
  readonly dueDate: BusinessDate;
  readonly recipients: ReminderRecipients;
}

/** Writes the Vietnamese text, given the display name of the reminder's district. */
export type MessageOf = (district: string) => string;

/**
 * The reminders one rule finds in a scan. It drops those whose id the history says was sent
 * before their message is written: most candidates of a routine scan were sent already.
 */
export class RuleReminders {
  readonly list: Reminder[] = [];

  constructor(
    private readonly rule: ReminderRule,
    private readonly sent: ReadonlySet<string>,
    private readonly districts: DistrictNames,
  ) {}

  /** Id: `<rule>.<projectId>.<part>`. */
  aboutProject(project: ProjectReminderFacts, part: string, due: Due, message: MessageOf): void {
    const id = reminderId(this.rule, project.projectId, part);
    if (this.sent.has(id)) return;
    this.list.push({
      reminderId: id,
      rule: this.rule,
      ...this.unitOf(project.district),
      projectId: project.projectId,
      planYear: project.planYear,
      dueDate: due.dueDate,
      recipients: due.recipients,
      message: message(districtName(this.districts, project.district)),
    });
  }

  /** About a district's part in a plan. Id: `<rule>.<planYear>.<district>.<part>`. */
  aboutDistrict(
    planYear: number,
    district: string,
    part: string,
    due: Due,
    message: MessageOf,
  ): void {
    const id = reminderId(this.rule, planYear, district, part);
    if (this.sent.has(id)) return;
    this.list.push({
      reminderId: id,
      rule: this.rule,
      ...this.unitOf(district),
      planYear,
      dueDate: due.dueDate,
      recipients: due.recipients,
      message: message(districtName(this.districts, district)),
    });
  }

  /** The unit a reminder is about: the key it is recorded under, its official code and name. */
  private unitOf(key: string): Pick<Reminder, 'district' | 'unit' | 'unitName'> {
    const known = Object.hasOwn(this.districts, key) ? this.districts[key] : undefined;
    return { district: key, unit: known?.code ?? key, unitName: districtName(this.districts, key) };
  }
}

/** A rule from what it finds in one scan; the settings default and the sent ids come from the facts. */
export function defineRule(
  rule: ReminderRule,
  find: (scan: RuleScan, found: RuleReminders) => void,
): ReminderRuleFn {
  return (
    facts,
    asOf,
    settings = DEFAULT_REMINDER_SETTINGS,
    sent = collectSentReminderIds(facts),
  ) => {
    const found = new RuleReminders(rule, sent, facts.districts);
    find({ facts, asOf, settings }, found);
    return found.list;
  };
}
