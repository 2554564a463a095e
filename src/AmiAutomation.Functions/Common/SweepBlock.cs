namespace AmiAutomation.Functions.Common;

/// <summary>Why a <see cref="ISweepGate"/> refused a run: <paramref name="Kind"/> is the metric dimension
/// (e.g. <c>RecycleBinLatch</c>), <paramref name="Reason"/> names exactly what is missing.</summary>
public sealed record SweepBlock(string Kind, string Reason);
