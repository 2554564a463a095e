using System.Text.Json;
using AmiAutomation.Aws.RecycleBin.Rbin;
using AmiAutomation.Aws.SignedApi;
using AmiAutomation.Core.Restorability;

namespace AmiAutomation.Aws.RecycleBin;

/// <summary>
/// <see cref="IRecycleBinRules"/> on our signed client: rest-json, <c>POST /list-rules</c> and
/// <c>GET /rules/{identifier}</c>, System.Text.Json source generation. An answer we cannot map (unknown resource
/// type, a unit other than DAYS, no retention) is an error, never a guess.
/// https://docs.aws.amazon.com/recyclebin/latest/APIReference/API_ListRules.html ,
/// https://docs.aws.amazon.com/recyclebin/latest/APIReference/API_GetRule.html
/// </summary>
internal sealed class SignedRecycleBinRules : IRecycleBinRules
{
    /// <summary>ListRules' MaxResults ceiling (1–1000); a region holds at most 250 rules, so one page is usual.</summary>
    public const int MaxResultsLimit = 1000;

    private const string JsonContentType = "application/json";
    private readonly SignedAwsClient _client;
    private readonly int _maxResults;

    public SignedRecycleBinRules(SignedAwsClient client, int maxResults = MaxResultsLimit)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxResults, MaxResultsLimit);
        _client = client;
        _maxResults = maxResults;
    }

    public async Task<RetentionRulePage> ListRulesAsync(RetentionResourceType resourceType, string? nextToken, CancellationToken cancellationToken)
    {
        const string operation = "ListRules";
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new RbinListRulesRequest(WireType(resourceType), _maxResults, string.IsNullOrEmpty(nextToken) ? null : nextToken),
            RbinJsonContext.Default.RbinListRulesRequest);
        var request = new SignedRequest(operation, HttpMethod.Post, "/list-rules") { Body = body, ContentType = JsonContentType };
        var response = await _client.SendAsync(request, cancellationToken);
        var page = Read(operation, response, RbinJsonContext.Default.RbinListRulesResponse);
        var identifiers = new List<string>();
        foreach (var rule in page.Rules ?? [])
        {
            identifiers.Add(string.IsNullOrWhiteSpace(rule?.Identifier)
                ? throw AwsErrorReader.Malformed(_client.Service, operation, response, $"rule #{identifiers.Count + 1} has no Identifier")
                : rule.Identifier);
        }

        return new RetentionRulePage(identifiers, string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken);
    }

    /// <exception cref="ArgumentException"><paramref name="identifier"/> is empty.</exception>
    public async Task<RetentionRule> GetRuleAsync(string identifier, CancellationToken cancellationToken)
    {
        const string operation = "GetRule";
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        var request = new SignedRequest(operation, HttpMethod.Get, "/rules/" + AwsUriEncoding.Encode(identifier));
        var response = await _client.SendAsync(request, cancellationToken);
        var rule = Read(operation, response, RbinJsonContext.Default.RbinGetRuleResponse);
        try
        {
            return Map(identifier, rule);
        }
        catch (FormatException ex)
        {
            throw AwsErrorReader.Malformed(_client.Service, operation, response, $"rule {identifier}: {ex.Message}", ex);
        }
    }

    /// <summary>GetRule's answer as a <see cref="RetentionRule"/>: Status <c>available</c> → IsAvailable; retention in DAYS.</summary>
    /// <exception cref="FormatException">A field we cannot map.</exception>
    private static RetentionRule Map(string identifier, RbinGetRuleResponse rule)
    {
        var type = rule.ResourceType switch
        {
            "EC2_IMAGE" => RetentionResourceType.Ec2Image,
            "EBS_SNAPSHOT" => RetentionResourceType.EbsSnapshot,
            var other => throw new FormatException($"unknown ResourceType '{other}'"),
        };
        if (rule.RetentionPeriod is not { RetentionPeriodValue: { } days and > 0 } period)
        {
            throw new FormatException("no positive RetentionPeriod.RetentionPeriodValue");
        }

        if (!string.Equals(period.RetentionPeriodUnit, "DAYS", StringComparison.Ordinal))
        {
            throw new FormatException($"RetentionPeriodUnit '{period.RetentionPeriodUnit}' is not DAYS");
        }

        return new RetentionRule(rule.Identifier ?? identifier, type, days, string.Equals(rule.Status, "available", StringComparison.Ordinal))
        {
            ResourceTags = Tags(rule.ResourceTags),
            ExcludeResourceTags = Tags(rule.ExcludeResourceTags),
            LockState = rule.LockState,
            Description = rule.Description,
        };
    }

    private static string WireType(RetentionResourceType type) => type switch
    {
        RetentionResourceType.Ec2Image => "EC2_IMAGE",
        RetentionResourceType.EbsSnapshot => "EBS_SNAPSHOT",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a Recycle Bin resource type"),
    };

    private static List<KeyValuePair<string, string?>> Tags(List<RbinResourceTag>? tags) =>
        [.. (tags ?? []).Select(t => string.IsNullOrEmpty(t?.ResourceTagKey)
            ? throw new FormatException("a tag without ResourceTagKey")
            : new KeyValuePair<string, string?>(t.ResourceTagKey, t.ResourceTagValue))];

    private T Read<T>(string operation, SignedResponse response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, type)
                ?? throw AwsErrorReader.Malformed(_client.Service, operation, response, "the body is JSON null");
        }
        catch (JsonException ex)
        {
            throw AwsErrorReader.Malformed(_client.Service, operation, response, ex.Message, ex);
        }
    }
}
