using AmiAutomation.Core.Images;
using AmiAutomation.Core.Inventory;

namespace AmiAutomation.Aws.Sharing;

/// <summary>What <see cref="UsageReportReader"/> found per image (images it did not get to have no entry: kept) and the
/// <see cref="InventorySource.UsageReports"/> report.</summary>
public sealed record UsageReportRead(IReadOnlyDictionary<string, ImageUsageReport> Reports, SourceReport Report);
