namespace AmiAutomation.Functions.Restore.OnDemand;

/// <summary>One image in the output of a self-healing event: what was decided and how it went.</summary>
/// <param name="Action"><c>Enable</c>, <c>Restore</c> or <c>None</c>.</param>
/// <param name="Status"><c>enabled</c>, <c>restored</c>, <c>dry-run</c>, <c>nothing-done</c>, <c>partial</c> or <c>failed</c>.</param>
public sealed record OnDemandImageLine(string ImageId, string Action, string Status, string Reason, string Message);
