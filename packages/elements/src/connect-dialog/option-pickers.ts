import type { ReactiveController, ReactiveElement } from 'lit';
import type { SetupOption } from '@plugboard/contract';

/** Typing pauses this long before the service is asked (each key would be a request). */
const SEARCH_SETTLE_MS = 250;

/** What one option combobox shows beyond the flow's state: open or not, the active option, the text typed. */
export interface PickerUi {
  readonly expanded: boolean;
  /** The active option's index in the list (`aria-activedescendant`), -1 for none. */
  readonly active: number;
  /** What the user typed to search; null while not searching (the chosen label shows). */
  readonly text: string | null;
}

const CLOSED: PickerUi = { expanded: false, active: -1, text: null };

/**
 * The option comboboxes of the settings view (APG combobox with a listbox popup): which is open,
 * which option is active, the search typed (sent to the flow once typing pauses), the keys, and
 * clicks on options (one listener for the whole view, as in the picker: options are deliberately
 * not focusable, the keyboard path is the combobox's). The options themselves live in the flow's
 * state.
 */
export class OptionPickers implements ReactiveController {
  readonly #ui = new Map<string, PickerUi>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly host: ReactiveElement,
    private readonly actions: {
      search(stepKey: string, query: string): void;
      loadMore(stepKey: string): void;
      /** The option a step's list shows at `index`, and whether the step takes several. */
      optionAt(
        stepKey: string,
        index: number,
      ): { option: SetupOption; multiple: boolean } | undefined;
      choose(stepKey: string, value: string): void;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.renderRoot.addEventListener('click', this.#onClick);
  }

  /** Chooses an option; a single select's list closes, a multi-select's stays open. */
  choose(stepKey: string, option: SetupOption, multiple: boolean): void {
    this.actions.choose(stepKey, option.value);
    if (!multiple) this.close(stepKey);
  }

  readonly #onClick = (event: Event): void => {
    const element = (event.target as Element).closest<HTMLElement>('[role="option"][data-step]');
    const stepKey = element?.dataset['step'];
    if (!element || !stepKey) return;
    const found = this.actions.optionAt(stepKey, Number(element.dataset['index']));
    if (found) this.choose(stepKey, found.option, found.multiple);
  };

  ui(stepKey: string): PickerUi {
    return this.#ui.get(stepKey) ?? CLOSED;
  }

  open(stepKey: string): void {
    if (!this.ui(stepKey).expanded) this.#set(stepKey, { expanded: true });
  }

  /** Closes the list; what was typed gives way to the chosen value again. */
  close(stepKey: string): void {
    this.#set(stepKey, CLOSED);
  }

  toggle(stepKey: string): void {
    if (this.ui(stepKey).expanded) this.close(stepKey);
    else this.open(stepKey);
  }

  /** The user typed: the list opens on the search, asked for once typing pauses. */
  typed(stepKey: string, text: string): void {
    this.#set(stepKey, { expanded: true, active: -1, text });
    clearTimeout(this.#timers.get(stepKey));
    this.#timers.set(
      stepKey,
      setTimeout(() => {
        this.#timers.delete(stepKey);
        this.actions.search(stepKey, text);
      }, SEARCH_SETTLE_MS),
    );
  }

  /**
   * The combobox's keys: arrows move the active option (and open the list), Home and End jump,
   * Enter chooses the active option, Escape closes the list (not the dialog), Tab closes it. At
   * the end of a list with more pages, ArrowDown asks for the next page.
   */
  keydown(
    event: KeyboardEvent,
    stepKey: string,
    items: readonly SetupOption[],
    more: boolean,
    multiple: boolean,
  ): void {
    const ui = this.ui(stepKey);
    const last = items.length - 1;
    const move = (active: number) => {
      event.preventDefault();
      this.#set(stepKey, { expanded: true, active });
    };
    switch (event.key) {
      case 'ArrowDown':
        // The first option, also while the list still loads: it is active when it arrives.
        if (!ui.expanded) return move(0);
        if (ui.active >= last && more) {
          event.preventDefault();
          this.actions.loadMore(stepKey);
          return;
        }
        return move(Math.max(0, Math.min(ui.active + 1, last)));
      case 'ArrowUp':
        return move(ui.active <= 0 ? (ui.expanded ? 0 : last) : ui.active - 1);
      case 'Home':
        if (ui.expanded && ui.text === null) return move(Math.min(0, last));
        return;
      case 'End':
        if (ui.expanded && ui.text === null) return move(last);
        return;
      case 'Enter': {
        const option = ui.expanded ? items[ui.active] : undefined;
        // Enter must never submit a form or press another button from here.
        event.preventDefault();
        if (option) this.choose(stepKey, option, multiple);
        return;
      }
      case 'Escape':
        if (!ui.expanded && ui.text === null) return;
        // The list closes; the dialog stays open.
        event.preventDefault();
        event.stopPropagation();
        this.close(stepKey);
        return;
      case 'Tab':
        if (ui.expanded) this.close(stepKey);
        return;
    }
  }

  /** Forgets every combobox (a new view), and any search still waiting. */
  reset(): void {
    this.#clearTimers();
    this.#ui.clear();
  }

  hostDisconnected(): void {
    this.#clearTimers();
    this.host.renderRoot.removeEventListener('click', this.#onClick);
  }

  #clearTimers(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  #set(stepKey: string, patch: Partial<PickerUi>): void {
    this.#ui.set(stepKey, { ...this.ui(stepKey), ...patch });
    this.host.requestUpdate();
  }
}
