// The InstantSearch example in Chromium with algoliasearch 4 lite (helpers/instantsearch-suite.js).
import { instantsearchSuite } from '../helpers/instantsearch-suite.js';

instantsearchSuite('v4');
