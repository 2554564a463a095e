using AmiAutomation.Core.Planning;

namespace AmiAutomation.Functions.Common;

/// <summary>
/// A safety gate checked after planning and before anything runs, in dry runs too (so a dry run shows what a live run
/// would do). A <see cref="SweepBlock"/> refuses the whole run: nothing is executed, every planned action is
/// reported <c>blocked</c>.
/// </summary>
public interface ISweepGate
{
    Task<SweepBlock?> CheckAsync(Plan plan, SweepRequest request, CancellationToken cancellationToken);
}
