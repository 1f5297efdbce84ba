/**
 * The services' messages that a UI shows in its own language: one English template per key, in
 * i18next's syntax (`{{name}}`, `{{count, number}}`). The services send the English text (for
 * the command line and logs) together with the key and its params; the renderer's en.ts takes
 * these templates as they are and vi.ts translates every key (its type requires all of them).
 * A message without a key is shown in English everywhere.
 */
export const BACKEND_MESSAGES_EN = {
  // Calls refused before they run (shared/contract/dispatch.ts)
  unknownCall: 'Unknown call: {{name}}',
  invalidInput: 'Invalid input for {{call}}: {{detail}}',
  busy: 'The database is busy with another writer (an import or another window). Nothing was changed; try again.',
  internal: 'Internal error in {{call}}; see the log for details.',
  // Things that are not there
  articleNotFound: 'Article {{id}} does not exist.',
  articlesNotFound: 'These articles do not exist: {{ids}}.',
  annotationNotFound: 'Annotation {{id}} does not exist.',
  briefNotFound: 'Brief {{id}} does not exist.',
  // Why an attribute or field value does not fit its definition (a fragment, placed in
  // attributeValueNotSaved, fieldValueNotSaved and the import notes)
  valueNotOptionList: '{{value}} is not a list of options',
  valueNotOption: '{{value}} is not an option',
  valueEmptyList: 'an empty list: clear the value instead',
  valueOptionTwice: 'an option is listed twice',
  valueNotAllowedOption: '{{value}} is not one of {{allowed}}',
  valueNotBoolean: '{{value}} is not true or false',
  valueNotNumber: '{{value}} is not a number',
  valueNotWhole: '{{value}} is not a whole number',
  valueBelowMin: '{{value}} is below the minimum {{min}}',
  valueAboveMax: '{{value}} is above the maximum {{max}}',
  valueNotDate: '{{value}} is not a date',
  valueBadDate: '“{{value}}” is not a date (write 2024-03-05, 2024-03, 2024 or --03-05)',
  valueNotText: '{{value}} is not text',
  valueEmptyText: 'empty text: clear the value instead',
  valueTextTooLong: 'the text is longer than {{max}} characters',
  valueNotSpanId: '{{value}} is not the id of a span',
  labelNotFound: 'There is no label {{label}}.',
  // Why a suggestion pattern cannot be used (shared/assist/patterns.ts)
  patternInvalidSyntax: 'Pattern “{{pattern}}” is not a valid regular expression: {{detail}}.',
  patternNestedRepetition:
    'Pattern “{{pattern}}” could run in catastrophic time: the repetition “{{repetition}}” sits inside another repetition. Repeat a fixed piece instead (for example “(?: \\p{Lu}\\p{Ll}*){1,3}”).',
  patternUnknownGroup: 'Pattern “{{pattern}}” names the group “{{group}}”, which the expression does not have.',
  schemaImportOrphansAnnotations:
    'The schema file has no label {{labels}} (annotations here in brackets): importing it would leave those annotations without a label. Add the labels to the file, or merge them into others here first.',
  schemaImportDeletesValues:
    'The schema file lacks definitions whose values are set here (attributes: {{attributes}}; document fields: {{fields}}; values in brackets): importing it would delete those values. Add the definitions to the file, or clear the values here first.',
  importJobNotFound: 'There is no import job {{jobId}}.',
  exportJobNotFound: 'There is no export job {{jobId}}.',
  preannotationJobNotFound: 'There is no pre-annotation job {{jobId}}.',
  annotateAllJobNotFound: 'There is no annotate-all job {{jobId}}.',
  backupNotFound: 'There is no backup called {{fileName}}.',
  // Rejected writes and requests
  publishedNotADate:
    'Published: “{{value}}” is not a date; write it as a date: 2024-03-05, 2024-03-05T14:45, 2024-03-05T14:45+07:00, 2024-03 or 2024, or --03-05 (day and month, year unknown).',
  publishedNotARealDate:
    'Published: “{{value}}” is not a real date or time; write it as a date: 2024-03-05, 2024-03-05T14:45, 2024-03-05T14:45+07:00, 2024-03 or 2024, or --03-05 (day and month, year unknown).',
  displayNameInvalid: 'Display name: {{detail}}',
  noNativeDialog: 'This host has no native file dialog.',
  browserImportsUploadsOnly: 'The browser host imports uploaded files only, not paths on this machine.',
  browserExportsDownloadsOnly:
    'The browser host does not write to paths; start the export with path null and download it.',
  importPathNotChosen: 'Only files chosen in the import dialog can be used; choose them again.',
  exportPathNotChosen: 'Only files chosen in the export dialog can be used; choose them again.',
  stagedUploadsBrowserOnly: 'Uploaded files can only be imported through the browser host.',
  uploadNotFound: 'The upload {{uploadId}} is gone (it was imported already, or it expired); upload the files again.',
  databaseDamaged: 'The database {{path}} is damaged ({{problem}}). Restore a backup first.',
  backupNotRestorable: 'The backup {{fileName}} cannot be restored: {{problem}}',
  databaseOpenElsewhere:
    'Another program has {{path}} open (a second Marginalia or the command line). Close it and restore again.',
  restoreWhileImporting: 'An import is running. Wait for it to finish, or cancel it, before restoring.',
  restoring: 'The database is being restored from a backup; try again in a moment.',
  restoreRunning: 'A restore is already running.',
  // Uploads to the browser host
  uploadNotMultipart: 'An upload must be sent as multipart/form-data.',
  uploadFileTooLarge: '{{file}} is larger than the limit of {{limit}} per file; nothing was uploaded.',
  uploadTooLarge:
    'The upload is larger than the limit of {{limit}} in total (reached at {{file}}); nothing was uploaded. Upload fewer files at a time, or use npm run cli -- import.',
  uploadRequestTooLarge:
    'The upload is {{size}}, larger than the limit of {{limit}} in total; nothing was uploaded. Upload fewer files at a time, or use npm run cli -- import.',
  uploadTooManyFiles: 'The upload holds more than {{limit, number}} files; nothing was uploaded.',
  uploadEmpty: 'The upload holds no files.',
  uploadBroken: 'The upload broke off before its end; nothing was uploaded.',
  uploadBusy: 'The host is busy receiving other uploads. Try again when they are done.',
  // One file of an import (ImportFileResult reasons)
  fileTooLarge: 'The file is {{size}}; the limit is {{limit}}.',
  fileUnreadable: 'The file could not be read: {{detail}}',
  fileNotBase64: 'The upload is not valid base64.',
  fileHoldsNoArticles: 'The file holds no articles.',
  fileNotImported: 'Nothing of this file was imported: {{detail}}',
  fileNestedTooDeeply:
    'Nothing of this file was imported: it is nested too deeply to read (the parser ran out of stack).',
  fileTooManyRecords:
    '{{file}} holds {{count, number}} records, more than the limit of {{limit, number}} per file; nothing of it was imported. Split it, or raise the limit (--max-records).',
  fileReadTimedOut:
    'Reading {{file}} took longer than the limit of {{seconds, number}} s, so it was stopped; nothing of it was imported. (Raise the limit with --max-extract-seconds if the file is sound.)',
  fileReadCancelled: 'The import was cancelled while {{file}} was being read; nothing of it was imported.',
  fileReaderCrashed: 'Reading {{file}} failed ({{detail}}); nothing of it was imported.',
  // History steps, as the undo and redo buttons and toasts name them (change handlers' describe)
  descNoChange: 'No change',
  descEdits: '{{count}} edits',
  descChange: 'Change',
  descTag: 'Tag {{label}} “{{quote}}”',
  descDelete: 'Delete {{label}} “{{quote}}”',
  descRelabel: 'Relabel “{{quote}}” {{from}} → {{to}}',
  descResize: 'Resize {{label}} “{{quote}}”',
  descEditNote: 'Edit note on {{label}} “{{quote}}”',
  descSetAttributes: 'Set attributes of {{label}} “{{quote}}”',
  descTagMany: 'Tag {{count}} spans',
  descEditMany: 'Edit {{count}} spans',
  descDeleteMany: 'Delete {{count}} spans',
  descLabelAdd: 'Add label {{label}}',
  descLabelMerge: 'Merge label {{label}} into {{into}}',
  descLabelDeleteMoving: 'Delete label {{label}}, its spans to {{into}}',
  descLabelDelete: 'Delete label {{label}} and its spans',
  descLabelRename: 'Rename label {{from}} → {{to}}',
  descLabelHide: 'Hide label {{label}}',
  descLabelShow: 'Show label {{label}}',
  descLabelMove: 'Move label {{label}} under {{parent}}',
  descLabelMoveTop: 'Move label {{label}} under the top',
  descLabelEdit: 'Edit label {{label}}',
  descLabelRemove: 'Remove label {{label}}',
  descLabelEditMany: 'Edit {{count}} labels',
  descRelate: 'Relate “{{head}}” {{type}} “{{tail}}”',
  descRelationDelete: 'Delete relation “{{head}}” {{type}} “{{tail}}”',
  descRelationRetype: 'Retype relation {{from}} → {{to}}',
  descRelationEditNote: 'Edit note on relation “{{head}}” {{type}} “{{tail}}”',
  descRelationAddMany: 'Add {{count}} relations',
  descRelationEditMany: 'Edit {{count}} relations',
  descRelationDeleteMany: 'Delete {{count}} relations',
  // Why an import parser refused a file or one of its records (import/formats/, decode.ts)
  importUnsupportedType: 'Unsupported file type "{{extension}}"; supported: {{supported}}.',
  importUnsupportedDoc:
    'Unsupported file type "{{extension}}"; supported: {{supported}}. Save old Word files as .docx first.',
  fileEmpty: 'The file is empty.',
  fileOnlyWhitespace: 'The file holds only whitespace.',
  fileBinary: 'This is {{kind}}, not text.',
  fileInvalidUtf8:
    'Invalid UTF-8 at byte {{offset, number}} ({{byte}}), and the bytes do not read as Windows-1258 Vietnamese either.',
  fileLegacyNotVietnamese:
    'The text is probably {{encoding}} (a legacy Vietnamese font encoding), and converting it did not give Vietnamese; convert it to Unicode (e.g. with UniKey) and import it again.',
  fileLegacyRefusedByUser: 'Not imported, as you chose: the text converted from {{encoding}} read wrong.',
  docxNotZip: 'Not a readable Word (.docx) document: it is not a zip archive.',
  docxUnreadable: 'Not a readable Word (.docx) document: {{detail}}',
  docxInflatesTooLarge:
    'The document inflates to {{size}}, past the {{limit}} limit (a zip bomb, or a document too large to import).',
  docxTextTooLong: "The document's text is {{length, number}} characters, past the limit of {{limit, number}}.",
  htmlNestedTooDeep:
    'The page nests its elements {{depth, number}} levels deep (more than {{max, number}}): it is nested too deeply to be an article.',
  jsonMalformedAt: 'Malformed JSON at line {{line}}, column {{column}}: {{detail}}',
  jsonNestedTooDeep: 'Malformed JSON nested too deeply (more than {{max, number}} levels)',
  jsonlLineMalformed: 'malformed JSON: {{detail}}',
  csvMalformed: 'Malformed CSV: {{detail}}',
  csvNoTextColumn: 'The CSV has no "text" column. Expected a header row: {{convention}}.',
  csvRowNotASpan: 'not a span: article_id, start and end must be whole numbers, and label and quote given',
  csvRowsNoArticle:
    'No article here is article {{id}} “{{title}}” of the file, with these quotes at these offsets; import the articles first (e.g. the workbench JSON or the original files), then this CSV.',
  recordNotObject: 'not an object with a "text" field',
  recordNoText: 'no text (expected fields: {{convention}})',
  recordBlank: 'No text.',
  labelStudioTaskNoText: 'the task has no text in data',
  conllNoTokens: 'The CoNLL file holds no tokens.',
  zipInflatesTooLarge: 'The archive inflates to {{size}}, past the {{limit}} limit.',
  zipUnreadable: 'Not a readable zip archive: {{detail}}',
  bratNoPairs: 'The archive holds no brat .txt/.ann pairs.',
  zipIsPackage:
    'This is an annotation package (a colleague’s work): import it with “Import a colleague’s package…”, which keeps their annotations as their layer.',
  bratNoAnn: 'no .ann file beside it',
  workbenchExportInvalid: '{{file}} is not a valid Marginalia workbench export{{where}}: {{detail}}.',
  workbenchTextNotCanonical:
    'its text is not canonical (NFC, LF): it was changed after the export, so its offsets cannot be trusted.',
  fileDuplicateSkippedByUser: 'Not imported, as you chose: a probable duplicate of article {{id}}, “{{title}}”.',
  fileCancelledUndecided:
    'Not imported: the import was cancelled before you decided about this file, so nothing of it was written.',
  linkDangling: 'Dangling symbolic link: it points to {{target}}, which does not exist.',
  linkLoop: 'Skipped: symbolic link loop (the link points back to itself).',
  linkUnfollowable: 'The link could not be followed: {{detail}}',
  // Notes of an import report (ImportFileResult.noteRefs): what was read, converted, merged or skipped
  noteEncoding: 'Encoding: {{encoding}}.',
  noteEncodingLegacy: 'Encoding: {{encoding}} (legacy font encoding, converted to Unicode).',
  noteLegacyConverted:
    'Converted from {{encoding}} to Unicode. Check the text: “{{preview}}” (as read: “{{read}}”). If it reads wrong, delete the article and convert the file with UniKey.',
  noteCanonicalNfc: 'Canonical text: NFD → NFC: {{count, number}} characters.',
  noteCanonicalNewlines: 'Canonical text: CRLF → LF: {{count, number}} lines.',
  noteCanonicalSpaces: 'Canonical text: no-break and other spaces → space: {{count, number}}.',
  noteCanonicalInvisibles:
    'Canonical text: invisible characters removed (BOM, zero-width, soft hyphen): {{count, number}}.',
  noteChromeTrimmed: 'Site chrome trimmed from the end: {{count, number}} lines ({{lines}}); it can be restored.',
  noteConllRebuilt: 'CoNLL has no text: it was rebuilt from the tokens (spaces between them, a line per sentence).',
  noteMarkdownStripped: 'Markdown markup stripped to plain text.',
  noteReadability: 'Article body extracted with Readability.',
  noteReadabilityLeftOut:
    'Page text Readability left out ({{count, number}} lines, e.g. “{{example}}”) is kept as trimmed chrome; it can be restored.',
  noteReadabilityNoArticle: 'Readability found no article; the whole page text was imported.',
  noteWordWarning: 'Word: {{detail}}',
  noteSameText: 'Same canonical text as article {{id}}, “{{title}}”.',
  noteProbableDuplicateKept:
    'Probable duplicate of article {{id}}, “{{title}}”: the same text once markup and chrome are removed. Kept both.',
  noteArticleIsHere: "The file's article {{fileId}} is article {{id}} here.",
  peerSpansRead: '{{format}}: {{read}} of {{total}} spans read.',
  peerUnitGivenUtf16: 'Offsets in UTF-16 code units, as {{format}} counts them.',
  peerUnitGivenCodePoints: 'Offsets in code points, as {{format}} counts them.',
  peerUnitsAgree: 'Offsets: UTF-16 and code points agree on this text.',
  peerUnitDetectedUtf16: 'Offsets detected as UTF-16 code units ({{count}} quotes matched that way).',
  peerUnitDetectedCodePoints: 'Offsets detected as code points ({{count}} quotes matched that way).',
  peerSpansSkipped: 'Skipped {{count}} spans (the first ten follow).',
  peerSpanOffsetsMisfit: 'Skipped {{span}}: the offsets do not fit the text.',
  peerSpanQuoteMisfit: "Skipped {{span}}: the text at these offsets is “{{quote}}”, not the file's quote.",
  peerItemNotASpan: 'Skipped item {{index}} of “{{field}}”: it is not a span ({{sample}}).',
  peerRegionNoOffsets: 'Skipped region {{region}}: it has no offsets or label.',
  bratLineNotTextBound: 'Skipped line {{line}} ({{id}}): it is not a text-bound annotation.',
  bratDiscontinuous: 'Skipped {{id}} {{label}}: it is discontinuous ({{ranges}}), which Marginalia spans cannot be.',
  bratOtherLines: '{{count}} relation, event or attribute lines are not spans and were left out.',
  conllTagNotBio: 'Skipped the tag “{{tag}}” on “{{token}}”: it is not BIO.',
  notePeerAdded: 'Added {{count}} annotations.',
  notePeerAddedSomeThere: 'Added {{count}} annotations (the others were already there).',
  notePeerLabelsCreated: 'New labels for names this workbench did not have: {{labels}}.',
  notePeerLabelsMapped: 'Labels mapped to labels here: {{labels}}.',
  notePeerLabelsSkipped: 'Skipped {{count}} spans whose label you chose to skip: {{which}}.',
  notePeerNotPlaced: 'Not placed on the canonical text (outside it, or blank): {{spans}}.',
  wordNone: 'none',
  wordLabelNameVi: 'Vietnamese name',
  wordLabelNameEn: 'English name',
  wordLabelColor: 'colour',
  wordLabelHotkey: 'hotkey',
  wordLabelKind: 'kind',
  wordLabelDescription: 'description',
  wordLabelParent: 'parent',
  noteLabelSkipped: 'Skipped the {{count}} spans labelled {{label}} in the file, as you chose.',
  noteLabelMapped: 'The spans labelled {{label}} in the file were given your label {{to}}.',
  noteLabelKept: 'Kept your label {{label}} as it is: {{field}} {{here}} here, {{inFile}} in the file.',
  noteLabelAdded: 'Added the label {{label}} ({{name}}).',
  noteLabelAddedNoHotkey: 'The label {{label}} was added without its hotkey {{hotkey}}, which is taken here.',
  noteLabelAddedAtTop: 'The label {{label}} was added at the top: its parent {{parent}} is missing here.',
  noteRestored: 'Restored {{count}} annotations and the status “{{status}}”.',
  noteRestoredWithRelations: 'Restored {{count}} annotations, {{relations}} relations and the status “{{status}}”.',
  noteMerged:
    'Already here as article {{id}}; merged: kept its status and metadata, added {{added}} of {{total}} annotations ({{there}} were already there).',
  noteMergedWithRelations:
    'Already here as article {{id}}; merged: kept its status and metadata, added {{added}} of {{total}} annotations ({{there}} were already there) and {{relations}} of {{relationsTotal}} relations.',
  noteSkippedSpan: 'Skipped {{span}}: {{problem}}.',
  noteSkippedSpanOffsets: 'Skipped {{span}}: {{detail}}.',
  noteSkippedSpanNoLabel: 'Skipped {{span}}: there is no label {{label}}.',
  noteSkippedAttribute: 'Skipped the attribute {{key}} of {{label}} “{{quote}}”: {{problem}}.',
  noteSkippedAttributeUndefined:
    'Skipped the attribute {{key}} of {{label}} “{{quote}}”: {{label}} has no attribute “{{key}}” here.',
  noteSkippedReference: 'Skipped the reference {{key}} of annotation {{id}}: its span was not imported.',
  noteSkippedField: 'Skipped the field {{key}}: {{problem}}.',
  noteSkippedFieldUndefined: 'Skipped the field {{key}}: there is no document field “{{key}}” here.',
  noteRenumbered: '{{count}} annotations got new ids here; their ids in the file are kept as imported ids.',
  noteEntityLinks: 'Linked {{count}} spans to entities.',
  noteEntityLinksKept: '{{count}} spans linked to another entity here kept their link.',
  noteEntitiesMerged:
    'Entities: {{byId}} merged by id, {{byName}} merged by name and type, {{added}} added{{gained}}{{redirects}}.',
  noteEntitiesGainedPart: ', {{count}} gained aliases or an external id',
  noteEntitiesRedirectsPart: ', {{count}} kept as merged into the one they were merged into',
  noteEntitiesSkipped: 'Skipped the entities {{entities}}.',
  noteRelationTypesAdded: 'Added the relation types {{types}}.',
  noteRelationTypeSkipped: 'Skipped the relation type {{type}}: it names labels that do not exist here.',
  noteRelationSpanMissing: 'Skipped relation {{id}} ({{type}}): one of its spans was not imported.',
  noteRelationNoType: 'Skipped relation {{id}} ({{type}}): there is no relation type {{type}}.',
  noteRelationToItself: 'Skipped relation {{id}} ({{type}}): it relates a span to itself.',
  noteRelationRule: 'Skipped relation {{id}} ({{type}}): the rule is {{rule}}, not {{head}} → {{tail}}.',
  // Export jobs
  exportUnitUnavailable: '{{format}} counts offsets in {{units}}; {{unit}} offsets are not available.',
  exportFailed: 'The export file could not be written: {{detail}}',
  // Whole jobs
  importWorkerCrashed: 'The import worker crashed: {{detail}}',
  importWorkerStopped: 'The import worker stopped unexpectedly (exit code {{code}}).',
  // Why a span breaks the rule of shared/domain/spans.ts (a fragment, placed in spanNotSaved…)
  spanOffsetsNotWhole: 'offsets must be whole numbers',
  spanStartBeforeText: 'start {{start}} is before the beginning of the text',
  spanEndPastText: 'end {{end}} is past the end of the text (length {{length}})',
  spanStartNotBeforeEnd: 'start {{start}} must be before end {{end}}',
  spanQuoteMismatch:
    'the quote does not match the text at [{{start}}, {{end}}): expected “{{expected}}”, got “{{got}}”',
  spanSplitsCharacter: 'the span splits a character in two',
  // Change handlers and the change pipeline (a {{reason}} is itself a message of this catalogue)
  spanNotSaved: 'The span was not saved: {{problem}}.',
  spanEdgesNeedQuote: 'Changing a span’s edges needs the new quote, to check it against the text.',
  spanIdentical: 'There is already a {{label}} span on “{{quote}}” here (annotation {{id}}).',
  importedProvenanceRefused: 'only import and merge sets can carry imported provenance.',
  annotationGone: 'annotation {{id}} no longer exists.',
  annotationIdTaken: 'annotation id {{id}} is taken.',
  annotationChangedSince: 'annotation {{id}} was changed since.',
  relationGone: 'relation {{id}} no longer exists.',
  relationIdTaken: 'relation id {{id}} is taken.',
  relationChangedSince: 'relation {{id}} was changed since.',
  relationTypeNotFound: 'There is no relation type {{type}}.',
  relationToItself: 'A relation joins two different spans, not a span to itself.',
  relationDuplicate: '“{{head}}” and “{{tail}}” are already related by {{type}} (relation {{id}}).',
  relationNotAllowed: 'A {{type}} relation goes {{rule}}; not {{head}} → {{tail}}.',
  relationSpanNotFound: 'Span {{id}} does not exist.',
  relationAcrossArticles:
    'Span {{id}} is in article {{spanArticleId}}, not {{articleId}}: a relation stays within one article (link entities across articles).',
  labelGone: 'the label {{label}} no longer exists.',
  labelChangedSince: 'the label {{label}} was changed since.',
  labelStillUsed: 'the label {{label}} is used by {{count}} annotations.',
  labelHasSublabels: 'the label {{label}} has sublabels: {{sublabels}}.',
  labelKeyTaken: 'Label key {{label}} is already taken ({{name}}).',
  labelHotkeyTaken: 'Label {{label}}: hotkey {{keys}} is already used by {{owner}} ({{name}}).',
  labelHotkeyReserved:
    'Label {{label}}: hotkey {{keys}} is kept for relations (R), entity links (L) and attributes (A).',
  labelHotkeyIsShortcut: 'Label {{label}}: hotkey {{keys}} is used by the shortcut “{{shortcut}}”.',
  labelMergeIntoItself: 'Label {{label}} cannot be merged into itself.',
  labelFieldRefused: 'Label {{label}}: {{field}} — {{problem}}.',
  labelFieldKey: 'label keys are upper-case ASCII, e.g. PER or RISK',
  labelFieldNameVi: 'a Vietnamese name is needed',
  labelFieldNameEn: 'an English name is needed',
  labelFieldColor: 'colours are #rrggbb, e.g. #e8590c',
  labelFieldHotkey: 'a hotkey is one key: a letter, a digit or a sign',
  labelFieldKind: 'the kind is analytic (a background) or entity (an underline)',
  labelFieldTooLong: 'at most {{max, number}} characters',
  labelFieldWholeNumber: 'the order is a whole number',
  labelFieldTrueFalse: 'it is true or false',
  labelFieldInvalid: 'the value is not valid',
  labelParentRefused: 'Label {{label}}: parent — {{problem}}.',
  labelParentSelf: '{{label}} cannot be its own parent',
  labelParentMissing: 'there is no label {{parent}} to put {{label}} under',
  labelParentCycle:
    '{{label}} cannot go under {{parent}}: {{parent}} is already under {{label}} ({{path}}), which would make a cycle',
  labelTypesEntities:
    'Label {{label}} is the type of {{count, number}} entities in the registry and cannot be deleted, merged or removed; change their type on the Entities page first.',
  relationTypeExists: 'There is already a relation type {{type}}.',
  relationTypeGone: 'relation type {{type}} no longer exists.',
  relationTypeExistsAgain: 'relation type {{type}} exists again.',
  relationTypeChangedSince: 'relation type {{type}} was changed since.',
  relationTypeUnknownLabel: 'Relation type {{type}} names the label {{label}}, which does not exist.',
  relationTypeRuleBroken: '{{count}} stored {{type}} relations would break the rule {{rule}} (e.g. relation {{id}}).',
  relationTypeInUse: 'Relation type {{type}} is used by {{count}} relations; delete or retype them first.',
  suggestionMismatch: 'The suggestion does not match the article: {{problem}}.',
  assistNameExists: '“{{name}}” is already a {{label}} name.',
  assistNameNotAdded: '“{{name}}” is not a {{label}} name you added.',
  patternAsShipped: 'Pattern “{{id}}” is already as shipped.',
  patternNotFound: 'There is no pattern “{{id}}”.',
  assistRecordChangedSince: '{{record}} was changed since.',
  changeRefUsedTwice: 'the ref “{{ref}}” is used twice in the set.',
  changeSetMixesBriefs: 'brief changes cannot share a change set with changes that are undone.',
  changeInOtherArticle: 'it is in article {{articleId}}, not in article {{setArticleId}} of the set.',
  changeOfSet: 'Change {{index}} of {{count}} ({{kind}}): {{reason}}',
  // Adjudication (issue 15)
  adjudicationDecided:
    'This disagreement between {{mine}} and {{theirs}} was decided already; undo that decision to decide again.',
  adjudicationChangedSince: 'the decision on a disagreement between {{mine}} and {{theirs}} was changed since.',
  adjudicationStale:
    'The layers changed since this disagreement was shown ({{mine}} / {{theirs}}); it is no longer one. Reload the disagreements.',
  adjudicationNoVersion: 'This disagreement has no version of {{author}} to accept.',
  adjudicationSameLayer: 'Adjudication compares two different layers, not {{author}} with itself.',
  adjudicationGoldLayer: 'The gold layer is what adjudication writes; compare two other layers.',
  descAdjudicate: 'Adjudicate: {{decision}}',
  descAdjudicateMany: 'Adjudicate {{count}} disagreements',
  decisionMine: 'accept mine',
  decisionTheirs: 'accept theirs',
  decisionBoth: 'accept both',
  decisionEdited: 'accept an edited version',
  decisionRejected: 'reject both',
  undoRefused: 'Cannot undo “{{description}}”: {{reason}}',
  redoRefused: 'Cannot redo “{{description}}”: {{reason}}',
  // Exports by layer and annotation packages (issue 15)
  conllOneLayer:
    'CoNLL holds one layer at a time (one tag per token): the spans of {{authors}} would compete for the same tags. Choose one author, or gold, to export.',
  packageNothingToExport: 'There is nothing by “{{author}}” to export: no span of theirs is stored here.',
  packageTooLarge: '{{file}} is {{size}}; the limit for a package is {{limit}}. Nothing was imported.',
  packageNotZip: '{{file}} is not an annotation package: it is not a zip file. Nothing was imported.',
  packageTruncated:
    '{{file}} is damaged or truncated: its zip cannot be read ({{detail}}). Ask for the package again; nothing was imported.',
  packageNoManifest: '{{file}} is not an annotation package: it holds no {{entry}}. Nothing was imported.',
  packageNoWorkbench: '{{file}}: the package holds no {{entry}}. Nothing was imported.',
  packageMalformedJson: '{{file}}: {{entry}} is not valid JSON ({{detail}}). Nothing was imported.',
  packageInvalid: '{{file}}: {{entry}} is not valid at {{where}}: {{detail}}. Nothing was imported.',
  packageNewerVersion:
    '{{file}} was written by a newer Marginalia (package format version {{version}}); this one reads version {{supported}}. Update Marginalia to import it; nothing was imported.',
  packageHashMismatch:
    '{{file}}: the text of article {{article}} (“{{title}}”) does not match its content hash; the package was altered or damaged. Nothing was imported.',
  packageSpanInvalid:
    '{{file}}: article {{article}}, annotation {{annotation}} ({{label}} [{{start}}, {{end}})): {{problem}}. Nothing was imported.',
  packageOtherAuthor:
    '{{file}}: annotation {{annotation}} of article {{article}} is by “{{found}}”, but the package holds the work of “{{author}}” only. Nothing was imported.',
  packageCountsDiffer:
    '{{file}}: the manifest counts {{expected}} {{what}}, the package holds {{found}}; it was altered or damaged. Nothing was imported.',
  packageBrokenRegistry: '{{file}}: its entity registry is broken at {{where}}. Nothing was imported.',
  packageNotFound:
    'The package {{packageId}} is gone (imported already, or it waited too long); choose the file again.',
  packageUndecided: 'Decide what to do with the label {{label}} before importing.',
  packageChoiceInvalid: 'The label {{label}}: {{problem}}',
  // Brief exports and generated sections (electron/services/briefs/export)
  briefContentInvalid: 'Brief {{briefId}} cannot be exported: {{path}}: {{reason}}.',
  briefLabelNotFound: 'The section needs the label {{label}}, which this schema does not have.',
  // Attribute and document-field definitions and values (changes/handlers/attribute-handlers.ts)
  attributeDefGone: 'The attribute {{label}}.{{key}} no longer exists.',
  attributeDefExistsAgain: 'The attribute {{label}}.{{key}} exists again.',
  attributeDefChangedSince: 'The attribute {{label}}.{{key}} was changed since.',
  fieldDefGone: 'The document field {{key}} no longer exists.',
  fieldDefExistsAgain: 'The document field {{key}} exists again.',
  fieldDefChangedSince: 'The document field {{key}} was changed since.',
  fieldValueGone: 'The field {{key}} of article {{articleId}} no longer exists.',
  fieldValueExistsAgain: 'The field {{key}} of article {{articleId}} exists again.',
  fieldValueChangedSince: 'The field {{key}} of article {{articleId}} was changed since.',
  attributeDefMisfits:
    'The attribute {{label}}.{{key}} was not changed: {{count}} spans hold values the new definition refuses ({{example}}…). Change or clear them first.',
  fieldDefMisfits:
    'The document field {{key}} was not changed: {{count}} articles hold values the new definition refuses ({{example}}…). Change or clear them first.',
  attributeDefExists: '{{label}} already has an attribute “{{key}}”.',
  attributeDefNotFound: '{{label}} has no attribute “{{key}}”.',
  attributeSpanTargetNotLabel: 'The attribute {{label}}.{{key}} points at spans of {{target}}, which is no label.',
  fieldDefExists: 'There is already a document field “{{key}}”.',
  fieldDefNotFound: 'There is no document field “{{key}}”.',
  fieldDefNoLonger: 'there is no document field “{{key}}” any more.',
  fieldValueNotSet: 'The field {{key}} ({{name}}) is not set.',
  fieldValueNotSaved: 'The field {{key}} ({{name}}) was not saved: {{problem}}.',
  attributeUndefinedFor: '{{label}} has no attribute “{{key}}” (its attributes: {{known}}).',
  attributeValueNotSaved: 'The attribute {{key}} ({{name}}) of {{label}} was not saved: {{problem}}.',
  labelAttributeNotFound: 'Label “{{label}}” has no attribute “{{key}}”.',
  // Why a span attribute's reference was refused (a fragment, placed in attributeValueNotSaved)
  attributeRefNoSpan: 'there is no span {{id}}',
  attributeRefSelf: 'a span cannot point at itself',
  attributeRefOtherArticle: 'span {{id}} is in another article',
  attributeRefWrongLabel: 'span {{id}} is {{label}}, not {{wanted}}',
  // Entities (changes/handlers/entity-handler.ts, store/entities.ts)
  entityNotFound: 'Entity {{id}} does not exist.',
  entityImportedTimesRefused: 'only import and merge sets can carry imported times.',
  entityMergeIntoItself: 'An entity cannot be merged into itself.',
  entityHasRedirects: '“{{name}}” cannot be deleted: {{count}} merged entities redirect to it.',
  entityGone: 'entity {{id}} no longer exists.',
  entityIdTaken: 'entity id {{id}} is taken.',
  entityChangedSince: 'entity “{{name}}” was changed since.',
  entityHasLinksNow: 'entity “{{name}}” has links now.',
  entityMerged: 'Entity “{{name}}” was merged into entity {{into}}.',
  entityMergedLinkThat: 'Entity “{{name}}” was merged into entity {{into}}; link to that one.',
  entityNameEmpty: 'An entity name cannot be empty or only whitespace.',
  entityTypeLabelNotFound: 'There is no label {{label}} for the entity’s type.',
  entityLinkNotFound: 'Annotation {{id}} is not linked to an entity.',
  entityRefUnknown: 'No entity.create earlier in the set has the ref “{{ref}}”.',
  entityTypeMismatch:
    'Type mismatch: the span “{{quote}}” is {{label}} but “{{name}}” is {{type}}; confirm to link anyway.',
  entityLinkChangedSince: 'the link of annotation {{id}} was changed since.',
  // Relations, label schemas, briefs, corpus-wide annotation, import decisions
  relationNotFound: 'Relation {{id}} does not exist.',
  schemaImportNothing: 'The schema file is the same as this schema: nothing to import.',
  schemaImportInvalid: 'The schema file was not imported: {{problem}}.',
  briefChangedSince: 'brief {{id}} was changed since.',
  briefIdTaken: 'brief id {{id}} is taken.',
  briefTitleEmpty: 'A brief title cannot be empty or only whitespace.',
  briefContentProblem: 'Brief content: {{problem}}.',
  briefContentTooLarge: 'the content is {{size}} characters of JSON, above the limit of {{limit}}',
  briefCitationInvalid: 'the citation at {{path}} is not valid ({{detail}})',
  annotateAllHitOutside: 'Hit [{{start}}, {{end}}) is outside article {{articleId}} ({{length}} characters).',
  importJobNotWaiting: 'The import job {{jobId}} is not waiting for decisions.',
  importWhatLabel: 'the label “{{label}}”',
  importWhatFile: '“{{file}}”',
  importNoDecision: 'No decision about {{what}} (question {{id}}).',
  importDecisionProblem: 'The decision about {{what}}: {{problem}}',
  importDecisionMapsToMissing: 'The decision about {{what}} maps to {{label}}, a label that does not exist.',
} as const;

export type BackendMessageKey = keyof typeof BACKEND_MESSAGES_EN;
export const BACKEND_MESSAGE_KEYS = Object.keys(BACKEND_MESSAGES_EN) as [BackendMessageKey, ...BackendMessageKey[]];
/** A param may itself be a message (the reason inside "Cannot undo …: {{reason}}"), shown in the same language. */
export type MessageParam = string | number | MessageRef;
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** A catalogue message: its key and the values its template takes. */
export interface MessageRef {
  key: BackendMessageKey;
  params: MessageParams;
}

/** `ref` when the error carries one, else its English text: a reason param of a wrapping message. */
export const reasonOf = (error: { message: string; ref?: MessageRef | undefined }): MessageParam =>
  error.ref ?? error.message;

/**
 * The English text of a catalogue message, as the command line and logs print it: `{{n, number}}`
 * as en-US (1,000), a bare `{{id}}` as it is.
 */
export function englishMessage(key: BackendMessageKey, params: MessageParams = {}): string {
  return BACKEND_MESSAGES_EN[key].replace(
    /\{\{\s*(\w+)\s*(,\s*number\s*)?\}\}/g,
    (whole, name: string, asNumber?: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      if (typeof value === 'object') return englishMessage(value.key, value.params);
      return typeof value === 'number' && asNumber ? value.toLocaleString('en-US') : String(value);
    },
  );
}
