using AmiAutomation.Core.Execution;

namespace AmiAutomation.Functions.Common;

/// <summary>A function's own finishing step after execution (expire: totals, savings, Recycle Bin abort).</summary>
public interface ISweepCompletion
{
    void Complete(IReadOnlyList<ActionOutcome> outcomes, RunSummaryBuilder summary, DecisionReporter reporter);
}
