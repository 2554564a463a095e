using AmiAutomation.Core.Images;

namespace AmiAutomation.Core.OnDemand;

/// <summary>What is true of one needed image right now (re-read after the run lease is taken).</summary>
/// <param name="ImageId">The image a failed launch needed.</param>
/// <param name="Image">The image as DescribeImages lists it (disabled included); null when not registered.</param>
/// <param name="InRecycleBin">ListImagesInRecycleBin lists it (only this account's bin can).</param>
/// <param name="HasLedgerRecord">The ledger holds a record of its deregistration by us.</param>
/// <param name="HasDisableRecord">The ledger holds a record of its disabling by us.</param>
/// <param name="AccountId">This account.</param>
public sealed record OnDemandSituation(string ImageId, AmiImage? Image, bool InRecycleBin, bool HasLedgerRecord, bool HasDisableRecord, string AccountId);
