using AmiAutomation.Core.Images;

namespace AmiAutomation.Core.Protection;

/// <summary>What to do about one image's usage reports: the report to rely on or show (null: none), whether its entries
/// must be read, and whether a new report must be requested.</summary>
public sealed record UsageReportChoice(ImageUsageReport? Report, bool ReadEntries, bool Request);
