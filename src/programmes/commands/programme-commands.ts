import { defineProgrammeCommand } from './programme-command';

/** Every programme command, one command class each. */
export const CreateProgramme = defineProgrammeCommand('CreateProgramme');
export const ChangeProgrammeBudget = defineProgrammeCommand('ChangeProgrammeBudget');
export const SetProgrammeTargets = defineProgrammeCommand('SetProgrammeTargets');
export const RecordContextIndicator = defineProgrammeCommand('RecordContextIndicator');

export const PROGRAMME_COMMAND_HANDLERS = [
  CreateProgramme,
  ChangeProgrammeBudget,
  SetProgrammeTargets,
  RecordContextIndicator,
].map((command) => command.Handler);
