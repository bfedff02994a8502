// A faithful, in-memory Obsidian for tests: vitest aliases the module "obsidian" to this file
// (see vitest.config.ts). Each class implements the matching type of the real obsidian.d.ts, so
// a change of Obsidian's API fails type checking here. Importing it installs Obsidian's DOM
// helpers (createEl, createDiv, setText, ...) into jsdom. Test helpers are in ./harness.ts.
export { installDomHelpers, createEl, createDiv, createSpan, createSvg, createFragment, setIcon, setTooltip, displayTooltip, addIcon, removeIcon, getIcon, getIconIds } from "./fake-dom";
export { Events, Component } from "./fake-events";
export { TAbstractFile, TFile, TFolder, Vault } from "./fake-vault";
export { InMemoryAdapter } from "./fake-adapter";
export { MetadataCache } from "./fake-metadata-cache";
export { FileManager } from "./fake-file-manager";
export { Editor } from "./fake-editor";
export { View, ItemView, FileView, EditableFileView, TextFileView, MarkdownView } from "./fake-views";
export {
  Workspace,
  WorkspaceItem,
  WorkspaceParent,
  WorkspaceSplit,
  WorkspaceContainer,
  WorkspaceRoot,
  WorkspaceWindow,
  WorkspaceSidedock,
  WorkspaceTabs,
  WorkspaceRibbon,
  WorkspaceLeaf,
} from "./fake-workspace";
export {
  Scope,
  Keymap,
  Notice,
  Modal,
  SuggestModal,
  FuzzySuggestModal,
  PopoverSuggest,
  EditorSuggest,
  AbstractInputSuggest,
  Menu,
  MenuItem,
  MenuSeparator,
  HoverPopover,
} from "./fake-ui";
export {
  BaseComponent,
  ValueComponent,
  AbstractTextComponent,
  TextComponent,
  TextAreaComponent,
  SearchComponent,
  MomentFormatComponent,
  ToggleComponent,
  DropdownComponent,
  SliderComponent,
  ColorComponent,
  ProgressBarComponent,
  ButtonComponent,
  ExtraButtonComponent,
  Setting,
  SettingTab,
  PluginSettingTab,
} from "./fake-settings";
export { MarkdownRenderChild, MarkdownRenderer, MarkdownPreviewRenderer } from "./fake-render";
export { Plugin } from "./fake-plugin";
export { App } from "./fake-app";
export { parseYaml, stringifyYaml, getFrontMatterInfo } from "./fake-yaml";
export {
  apiVersion,
  requireApiVersion,
  getLanguage,
  Platform,
  normalizePath,
  getLinkpath,
  parseLinktext,
  stripHeading,
  stripHeadingForLink,
  debounce,
  prepareFuzzySearch,
  prepareSimpleSearch,
  sortSearchResults,
  renderMatches,
  renderResults,
  parseFrontMatterEntry,
  parseFrontMatterStringArray,
  iterateRefs,
  iterateCacheRefs,
  arrayBufferToBase64,
  base64ToArrayBuffer,
  arrayBufferToHex,
  hexToArrayBuffer,
  getBlobArrayBuffer,
  request,
  requestUrl,
  sanitizeHTMLToDom,
  htmlToMarkdown,
} from "./fake-util";
export { getAllTags, parseFrontMatterTags, parseFrontMatterAliases } from "./metadata";
