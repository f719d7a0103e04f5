package uk.stepup.app.demo;

import uk.stepup.sandbox.SandboxUser;

/**
 * One simulated care-home manager.
 *
 * @param named whether the home is happy to put its name to what it shares
 * @param falls the home's usual number of falls a week
 */
record SimulatedManager(SandboxUser user, String home, Habit habit, boolean named, double falls) {}
