// The deck as Slidev parses it: the tests read it from the one loader the handout export uses too.
export * from '../../scripts/deck'
