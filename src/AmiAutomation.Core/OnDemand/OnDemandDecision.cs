namespace AmiAutomation.Core.OnDemand;

/// <summary>What to do for one needed image, and why (the reason is logged and returned either way).</summary>
public sealed record OnDemandDecision(string ImageId, OnDemandAction Action, string Reason);
