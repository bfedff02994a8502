import { PluginSettingTab, Setting, type App, type Plugin } from "obsidian";
import { parseCadence } from "../domain/cadence";
import { validatePattern } from "../domain/paths";
import { formatQuestionBank, parseQuestionBank } from "../domain/questions";
import { unknownPlaceholders } from "../domain/template";
import { RELATIONSHIPS, type Relationship } from "../domain/types";
import { DEFAULT_SETTINGS, normalizeFolder, normalizeTag, normalizeTagList, type OneOnOnesSettings } from "../settings";

export interface SettingsHost {
  settings: OneOnOnesSettings;
  /** Saves and applies new settings. */
  updateSettings(change: (settings: OneOnOnesSettings) => void): Promise<void>;
}

/** Every setting of the plugin, each checked before it is saved. */
export class OneOnOnesSettingTab extends PluginSettingTab {
  constructor(
    app: App,
    plugin: Plugin,
    private readonly host: SettingsHost,
  ) {
    super(app, plugin);
  }

  display(): void {
    const { containerEl } = this;
    containerEl.empty();
    const s = this.host.settings;
    const save = (change: (settings: OneOnOnesSettings) => void) => void this.host.updateSettings(change);

    new Setting(containerEl)
      .setName("Open follow-ups at start-up")
      .setDesc("Show the follow-ups sidebar whenever Obsidian starts.")
      .addToggle((t) => t.setValue(s.openFollowUpsOnStart).onChange((v) => save((x) => (x.openFollowUpsOnStart = v))));

    new Setting(containerEl).setName("Notes").setHeading();
    this.folderSetting("People folder", "Every note in this folder is a person note.", s.peopleFolder, (v) =>
      save((x) => (x.peopleFolder = v)),
    );
    this.folderSetting("1:1 folder", "New 1:1 notes and logs go here; notes in it are recognized as 1:1 notes.", s.meetingsFolder, (v) =>
      save((x) => (x.meetingsFolder = v)),
    );
    new Setting(containerEl)
      .setName("Layout")
      .setDesc("One note per meeting, or one running log per person with the newest entry first.")
      .addDropdown((d) =>
        d
          .addOption("per-meeting", "One note per meeting")
          .addOption("log", "One running log per person")
          .setValue(s.layout)
          .onChange((v) => save((x) => (x.layout = v === "log" ? "log" : "per-meeting"))),
      );
    this.validatedText(
      "Note name pattern",
      "Path of a meeting note inside the 1:1 folder. Placeholders: {{person}}, {{date}}, {{year}}, {{month}}, {{day}}.",
      s.notePathPattern,
      DEFAULT_SETTINGS.notePathPattern,
      (v) => validatePattern(v.replace(/\.md$/i, "")),
      (v) => save((x) => (x.notePathPattern = v.replace(/\.md$/i, ""))),
    );
    this.validatedText(
      "Template note",
      "A note whose text replaces the built-in agenda. Placeholders: {{person}}, {{date}}, {{previous_agreements}}, {{talking_points}}. Empty: the built-in agenda.",
      s.templatePath,
      "",
      (v) => (v !== "" && normalizeFolder(v) === null ? "Not a valid path." : null),
      (v) => save((x) => (x.templatePath = normalizeFolder(v) ?? "")),
      async (v) => {
        if (!v) return null;
        const file = this.app.vault.getFileByPath(v.endsWith(".md") ? v : `${v}.md`);
        if (!file) return "No note at this path yet.";
        const unknown = unknownPlaceholders(await this.app.vault.cachedRead(file));
        return unknown.length > 0 ? `Unknown placeholders: ${unknown.join(", ")}.` : null;
      },
    );

    new Setting(containerEl).setName("Agenda").setHeading();
    for (const [i, section] of s.agendaSections.entries()) {
      new Setting(containerEl)
        .setName(section.title)
        .setDesc(section.id === "first-meeting" ? "Only in the first 1:1 with someone." : section.hint)
        .addText((t) =>
          t.setValue(section.title).onChange((v) => {
            if (v.trim() !== "") save((x) => ((x.agendaSections[i] as { title: string }).title = v.trim()));
          }),
        )
        .addExtraButton((b) =>
          b
            .setIcon("arrow-up")
            .setTooltip("Move up")
            .setDisabled(i === 0)
            .onClick(() => {
              if (i === 0) return;
              void this.host
                .updateSettings((x) => {
                  const list = x.agendaSections;
                  const [moved] = list.splice(i, 1);
                  if (moved) list.splice(i - 1, 0, moved);
                })
                .then(() => this.display());
            }),
        )
        .addToggle((t) => t.setValue(section.enabled).onChange((v) => save((x) => ((x.agendaSections[i] as { enabled: boolean }).enabled = v))));
    }
    new Setting(containerEl).addButton((b) =>
      b.setButtonText("Restore the default agenda").onClick(() => {
        void this.host
          .updateSettings((x) => (x.agendaSections = structuredClone(DEFAULT_SETTINGS.agendaSections)))
          .then(() => this.display());
      }),
    );
    new Setting(containerEl)
      .setName("Previous agreements")
      .setDesc(
        "Reference: a live list of the open agreements where they are; nothing is copied. Forward: copied into the new note with a link back, the original marked as forwarded.",
      )
      .addDropdown((d) =>
        d
          .addOption("reference", "Reference (live list)")
          .addOption("forward", "Forward (copy and mark)")
          .setValue(s.carryOver)
          .onChange((v) => save((x) => (x.carryOver = v === "forward" ? "forward" : "reference"))),
      );

    new Setting(containerEl).setName("Agreements").setHeading();
    new Setting(containerEl)
      .setName("Due date format")
      .setDesc("How new agreements write their due date.")
      .addDropdown((d) =>
        d
          .addOption("tasks", "Tasks: 📅 2026-11-28")
          .addOption("dataview", "Dataview: [due:: 2026-11-28]")
          .setValue(s.dueDateSyntax)
          .onChange((v) => save((x) => (x.dueDateSyntax = v === "dataview" ? "dataview" : "tasks"))),
      );
    new Setting(containerEl)
      .setName("Done dates")
      .setDesc("Add ✅ and the date when an agreement is ticked off.")
      .addToggle((t) => t.setValue(s.doneDates).onChange((v) => save((x) => (x.doneDates = v))));
    new Setting(containerEl)
      .setName("Agreements anywhere")
      .setDesc("Any task in the vault that links to a person note, or carries their tag (#people/anya-petrova), counts as an agreement with them.")
      .addToggle((t) => t.setValue(s.agreementsAnywhere).onChange((v) => save((x) => (x.agreementsAnywhere = v))));
    this.validatedText(
      "Agreement tag",
      "When set, only tasks with this tag, such as #accountability, are agreements, and new agreements get it.",
      s.agreementTag === "" ? "" : `#${s.agreementTag}`,
      "#accountability",
      (v) => (normalizeTag(v) === null ? "One tag of letters, digits, -, _ or /, such as #accountability." : null),
      (v) => save((x) => (x.agreementTag = normalizeTag(v) ?? "")),
    );

    new Setting(containerEl).setName("Cadence and last seen").setHeading();
    this.numberSetting("Due soon: days", "A person is due soon this many days before the next 1:1 is due…", s.dueSoonDays, 0, 365, (v) =>
      save((x) => (x.dueSoonDays = v)),
    );
    this.numberSetting("Due soon: percent of the cadence", "…or this share of the cadence, whichever is longer.", s.dueSoonPercent, 0, 100, (v) =>
      save((x) => (x.dueSoonPercent = v)),
    );
    for (const relationship of [...RELATIONSHIPS, "unset"] as (Relationship | "unset")[]) {
      this.validatedText(
        relationship === "unset" ? "Default cadence: no relationship" : `Default cadence: ${relationship}`,
        "Used when a person note has no cadence of its own.",
        s.defaultCadence[relationship],
        DEFAULT_SETTINGS.defaultCadence[relationship],
        (v) => {
          const parsed = parseCadence(v);
          return "problem" in parsed ? parsed.problem : null;
        },
        (v) => save((x) => (x.defaultCadence[relationship] = v)),
      );
    }
    new Setting(containerEl)
      .setName("Dated notes count as seen")
      .setDesc("A daily note or a note with a date property that links to a person counts as having seen them that day.")
      .addToggle((t) => t.setValue(s.datedNotesCountAsSeen).onChange((v) => save((x) => (x.datedNotesCountAsSeen = v))));
    new Setting(containerEl)
      .setName("Starting a 1:1 updates last seen")
      .setDesc("Write the meeting's date into the person's last-seen property.")
      .addToggle((t) => t.setValue(s.updateLastSeenOnStart).onChange((v) => save((x) => (x.updateLastSeenOnStart = v))));

    new Setting(containerEl).setName("Recognition").setHeading();
    this.tagSetting("Person tags", "A note with one of these tags is a person note.", s.personTags, (v) => save((x) => (x.personTags = v)));
    this.tagSetting("1:1 tags", "A note with one of these tags is a 1:1 note.", s.meetingTags, (v) => save((x) => (x.meetingTags = v)));
    this.validatedText(
      "Your name",
      "A meeting note that names you and one other person is with that person, and your @name in a task means you. Empty: the name found at every 1:1, if there is one.",
      s.myName,
      "",
      () => null,
      (v) => save((x) => (x.myName = v)),
    );
    new Setting(containerEl)
      .setName("Meetings with one other person are 1:1s")
      .setDesc("A meeting note not marked as a 1:1 that names exactly one other person is listed as a 1:1 with them; off, it only counts as seeing them.")
      .addToggle((t) => t.setValue(s.oneOtherPersonIsOneOnOne).onChange((v) => save((x) => (x.oneOtherPersonIsOneOnOne = v))));

    new Setting(containerEl).setName("Question bank").setHeading();
    const bank = new Setting(containerEl)
      .setName("Questions")
      .setDesc("Lines starting with ## name a theme; lines starting with - below them are its questions.");
    bank.addTextArea((t) => {
      t.setValue(formatQuestionBank(s.questions));
      t.inputEl.rows = 12;
      t.inputEl.addClass("ooo-question-bank");
      t.onChange((v) => {
        const questions = parseQuestionBank(v);
        if (questions.length === 0) {
          bank.descEl.setText("The bank needs at least one question; the last valid one is kept.");
          return;
        }
        save((x) => (x.questions = questions));
      });
    });
    new Setting(containerEl).addButton((b) =>
      b.setButtonText("Restore the default questions").onClick(() => {
        void this.host
          .updateSettings((x) => (x.questions = structuredClone(DEFAULT_SETTINGS.questions)))
          .then(() => this.display());
      }),
    );
  }

  private folderSetting(name: string, desc: string, value: string, apply: (value: string) => void): void {
    this.validatedText(name, desc, value, "", (v) => (normalizeFolder(v) === null ? "A folder may not contain \"..\"." : null), (v) =>
      apply(normalizeFolder(v) ?? ""),
    );
  }

  private tagSetting(name: string, desc: string, value: string[], apply: (value: string[]) => void): void {
    this.validatedText(name, `${desc} Separate with commas.`, value.join(", "), "", () => null, (v) => apply(normalizeTagList(v) ?? []));
  }

  private numberSetting(name: string, desc: string, value: number, min: number, max: number, apply: (value: number) => void): void {
    this.validatedText(
      name,
      desc,
      String(value),
      "",
      (v) => {
        const n = Number(v);
        return Number.isInteger(n) && n >= min && n <= max ? null : `A whole number from ${min} to ${max}.`;
      },
      (v) => apply(Number(v)),
    );
  }

  /** A text setting that is saved only when valid; otherwise the problem shows under it. */
  private validatedText(
    name: string,
    desc: string,
    value: string,
    placeholder: string,
    validate: (value: string) => string | null,
    apply: (value: string) => void,
    warn?: (value: string) => Promise<string | null>,
  ): void {
    const setting = new Setting(this.containerEl).setName(name).setDesc(desc);
    const message = setting.descEl.createDiv({ cls: "ooo-setting-problem" });
    setting.addText((t) => {
      t.setPlaceholder(placeholder).setValue(value);
      t.onChange((raw) => {
        const v = raw.trim();
        const problem = validate(v);
        message.setText(problem ?? "");
        t.inputEl.toggleClass("ooo-invalid", problem !== null);
        if (problem) return;
        apply(v);
        if (warn) void warn(v).then((w) => message.setText(w ?? ""));
      });
    });
  }
}
