// One portal and one Chromium for the whole run; the tests run one at a time (a 2-core CI machine drives
// one Blazor circuit per test reliably, several at once make timings flaky).
[assembly: AssemblyFixture(typeof(RelationsUsagers.EndToEnd.Tests.PortalFixture))]
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
