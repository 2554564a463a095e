using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.RecycleBin;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Restorability;
using Amazon.Runtime;

namespace AmiAutomation.Cli.Explain;

/// <summary>
/// The restore side of an explanation: the region's Recycle Bin retention rules, read once, and for one image whether
/// its deregistration would be recoverable (<see cref="RestorabilityCheck.ForImage"/>, the check the expire function
/// makes right before deregistering; snapshots are judged on our retain tag alone here, their own tags are read then).
/// </summary>
/// <remarks>rbin:ListRules, rbin:GetRule.</remarks>
internal sealed class RecycleBinOutlook
{
    private readonly IReadOnlyList<RetentionRule>? _rules;
    private readonly string? _error;
    private readonly bool _required;

    private RecycleBinOutlook(IReadOnlyList<RetentionRule>? rules, string? error, bool required)
    {
        _rules = rules;
        _error = error;
        _required = required;
    }

    public static async Task<RecycleBinOutlook> ReadAsync(IRegionalApiClients apis, string region, bool required, CancellationToken cancellationToken)
    {
        try
        {
            return new(await new RetentionRuleReader(apis.RecycleBinRules(region)).ReadAllAsync(cancellationToken), null, required);
        }
        catch (Exception ex) when (ex is RetentionRulesUnreadableException or AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            return new(null, ex.Message.Split('\n')[0].Trim(), required);
        }
    }

    public string Describe(AmiImage image)
    {
        if (_rules is null)
        {
            return _required
                ? $"the Recycle Bin rules could not be read ({_error}): with REQUIRE_RECYCLE_BIN=true the expire function deregisters nothing in this region until they can"
                : $"the Recycle Bin rules could not be read ({_error}); REQUIRE_RECYCLE_BIN=false: a deregistration may be final";
        }

        var verdict = RestorabilityCheck.ForImage(
            _rules,
            new TaggedResource(image.ImageId, image.Tags),
            [.. image.Snapshots.Select(s => new TaggedResource(s.SnapshotId, new Dictionary<string, string>(StringComparer.Ordinal)))]);
        return verdict.IsRestorable
            ? $"restorable after deregistration: the Recycle Bin keeps the image {verdict.ImageRetentionDays} days and its snapshots {verdict.SnapshotRetentionDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} days ('ami-automation restore {image.ImageId}')"
            : $"NOT restorable after deregistration: {verdict.Reason}" + (_required ? "; the expire function skips it (REQUIRE_RECYCLE_BIN=true)" : string.Empty);
    }
}
