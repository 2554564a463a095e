using AmiAutomation.Core.Protection;

namespace AmiAutomation.Functions.Common;

/// <summary>How a destructive sweep treats shared images (<see cref="SharedImageStage"/>): the policy's rule and the
/// oldest usage report it may rely on.</summary>
public sealed record SharingOptions(SharedImageRule Rule, TimeSpan UsageReportMaxAge);
