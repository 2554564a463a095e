using AmiAutomation.Core.Deprecation;
using AmiAutomation.Core.Tests.Generators;
using AmiAutomation.Core.Tests.Support;
using CsCheck;

namespace AmiAutomation.Core.Tests.Deprecation;

/// <summary>Candidates first is the full read, action for action, over random fleets, policies, selections and sources.</summary>
public sealed class DeprecationCandidatesPropertyTests
{
    private const int Iterations = 2_000;

    [Fact]
    public void Candidates_AnyFleet_PlanFromCandidatesEqualsPlanFromFullRead()
    {
        var saved = 0;
        var acted = 0;
        Gen.Select(Gen.Frequency((4, FleetGenerator.Fleet), (1, FleetGenerator.IncompleteFleet)), PolicyGenerator.Deprecation, PolicyGenerator.Selection)
            .Sample((full, policy, selection) =>
            {
                var candidates = DeprecationPlanner.Candidates(CandidatesFirstModel.Fleet(full), policy, selection, TestImages.Now);
                var first = DeprecationPlanner.Plan(CandidatesFirstModel.Final(full, candidates), policy, selection, TestImages.Now);
                var reference = DeprecationPlanner.Plan(full, policy, selection, TestImages.Now);

                CandidatesFirstModel.AssertEquivalent(full, reference, first, candidates);
                if (candidates.Count < full.Images.Count)
                {
                    Interlocked.Increment(ref saved);
                }

                if (reference.Actions.Any())
                {
                    Interlocked.Increment(ref acted);
                }
            }, iter: Iterations);

        // Not vacuous: most fleets skip some reads, many still deprecate something.
        Assert.True(saved > Iterations / 2, $"only {saved} fleets read fewer references than images");
        Assert.True(acted > Iterations / 5, $"only {acted} fleets deprecated anything");
    }
}
