// The InstantSearch example in Chromium with algoliasearch 5 lite, the page's default client
// (helpers/instantsearch-suite.js).
import { instantsearchSuite } from '../helpers/instantsearch-suite.js';

instantsearchSuite('v5', { defaultClient: true });
