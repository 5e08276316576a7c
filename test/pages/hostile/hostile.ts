// The elements against the mock backend the spec serves at /mock-api/ (page.route), with a fixed
// session token: the mock only checks that one is sent.
import { configure } from '@plugboard/core';
import { defineAllElements } from '@plugboard/elements';

configure({ backendUrl: `${location.origin}/mock-api`, sessionToken: 'pb_sess_hostile_page' });
defineAllElements();
