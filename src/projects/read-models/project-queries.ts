import type { Database } from 'better-sqlite3';
import { showBeneficiary } from '../../personal-data/shown-beneficiary';
import type { PersonalDataVault } from '../../personal-data/personal-data-vault';
import { foldForSearch } from '../../shared/search-text';
import { whereEqual } from '../../shared/sql-where';
import { projectView } from '../domain/project.view';
import type { ProjectState } from '../domain/project.state';
import { toProjectDetails, type ProjectDetails } from './project-details';

export interface ProjectListFilter {
  readonly status?: string;
  readonly district?: string;
  readonly planYear?: number;
  readonly activityType?: string;
  readonly fundingSource?: string;
  /** Words in the title, compared folded (search-text.ts); never the sealed beneficiary. */
  readonly q?: string;
  readonly page: number;
  readonly pageSize: number;
}

interface Row {
  project_id: string;
  version: number;
  updated_at: string;
  state_json: string;
}

/** Reads of the project read model. */
export class ProjectQueries {
  constructor(
    private readonly db: Database,
    private readonly vault: PersonalDataVault,
  ) {
    // The title folded the way the search text is: SQLite's lower() knows no Vietnamese.
    db.function('fold_for_search', { deterministic: true }, (text) => foldForSearch(String(text)));
  }

  find(projectId: string): ProjectDetails | undefined {
    return this.findWithState(projectId)?.details;
  }

  /** The project and the state it was shown from (the actions a caller may take are read off it). */
  findWithState(projectId: string): { details: ProjectDetails; state: ProjectState } | undefined {
    const row = this.db
      .prepare(
        'SELECT project_id, version, updated_at, state_json FROM project_summary WHERE project_id = ?',
      )
      .get(projectId) as Row | undefined;
    return row && { details: this.details(row), state: JSON.parse(row.state_json) as ProjectState };
  }

  list(filter: ProjectListFilter): { items: ProjectDetails[]; total: number } {
    const { q, ...equal } = filter;
    const search = q === undefined ? undefined : foldForSearch(q.trim());
    const { where, params } = whereEqual(
      equal,
      {
        status: 'status',
        district: 'district',
        planYear: 'plan_year',
        activityType: 'activity_type',
        fundingSource: 'funding_source',
      },
      search ? ['instr(fold_for_search(title), @q) > 0'] : [],
    );
    if (search) params.q = search;
    const { total } = this.db
      .prepare(`SELECT COUNT(*) AS total FROM project_summary ${where}`)
      .get(params) as {
      total: number;
    };
    const rows = this.db
      .prepare(
        `SELECT project_id, version, updated_at, state_json FROM project_summary ${where}
         ORDER BY first_position LIMIT @limit OFFSET @offset`,
      )
      .all({
        ...params,
        limit: filter.pageSize,
        offset: (filter.page - 1) * filter.pageSize,
      }) as Row[];
    return { items: rows.map((row) => this.details(row)), total };
  }

  /** The stored state holds only the sealed reference: the value is read from the vault now. */
  private details(row: Row): ProjectDetails {
    const state = JSON.parse(row.state_json) as ProjectState;
    const view = projectView(state);
    if (!view || state.status === 'unregistered')
      throw new Error(`Project ${row.project_id} has a read-model row but no registration`);
    const beneficiary = showBeneficiary(
      view.beneficiary,
      this.vault,
      state.dossier.personalDataErased,
    );
    return { ...toProjectDetails(view, row.version, row.updated_at), beneficiary };
  }
}
