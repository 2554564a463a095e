namespace AmiAutomation.Cli.Hosting;

/// <summary>What <c>latch show|clear</c> asked for.</summary>
internal sealed record LatchRequest(string? Region, IReadOnlyList<string> Settings, bool Clear, string? Reason, string? By);
