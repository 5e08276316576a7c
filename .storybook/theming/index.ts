// The Theming docs page's live blocks (docs/theming.mdx), and the elements they show.
import '../../packages/elements/src/define/connection-status.js';
import '../../packages/elements/src/define/app-picker.js';
import { defineElement } from '../../packages/elements/src/shared/define.js';
import { StylingHooksList } from './styling-hooks-list.js';
import { ThemingPlayground } from './theming-playground.js';
import { TokenTable } from './token-table.js';

defineElement('pb-token-table', TokenTable);
defineElement('pb-theming-playground', ThemingPlayground);
defineElement('pb-styling-hooks', StylingHooksList);
