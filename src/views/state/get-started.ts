/**
 * What a view offers when the vault has no people yet: the three ways to get some. Each is the
 * command of the same name; a view shows the buttons it is given.
 */
export interface GetStartedActions {
  /** Opens "New person…". */
  onNewPerson?: () => void;
  /** Opens "Import contacts…". */
  onImportContacts?: () => void;
  /** Opens "Adopt existing notes…". */
  onAdoptNotes?: () => void;
}
