using System.Globalization;
using System.Text;
using System.Xml;
using AmiAutomation.Aws.SignedApi;

namespace AmiAutomation.Aws.AutoScaling;

/// <summary>
/// <see cref="IAutoScalingClient"/> on our signed client: AWS Query protocol (form-encoded POST to <c>/</c>,
/// <c>Version=2011-01-01</c>), XML answers read by <see cref="LaunchConfigurationXml"/>.
/// https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeLaunchConfigurations.html ,
/// https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeAutoScalingGroups.html
/// </summary>
internal sealed class SignedAutoScalingClient(SignedAwsClient client) : IAutoScalingClient
{
    public const string ApiVersion = "2011-01-01";

    /// <summary>DescribeLaunchConfigurations' MaxRecords ceiling (default 50, max 100).</summary>
    public const int MaxRecordsLimit = 100;

    private const string Operation = "DescribeLaunchConfigurations";

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRecords"/> is not 1–100.</exception>
    public async Task<LaunchConfigurationPage> DescribeLaunchConfigurationsAsync(string? nextToken, int maxRecords, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxRecords, MaxRecordsLimit);
        var parameters = new List<KeyValuePair<string, string>> { new("MaxRecords", maxRecords.ToString(CultureInfo.InvariantCulture)) };
        if (!string.IsNullOrEmpty(nextToken))
        {
            parameters.Add(new("NextToken", nextToken));
        }

        var response = await client.SendAsync(QueryRequest(Operation, parameters), cancellationToken);
        try
        {
            return LaunchConfigurationXml.Parse(response.Body);
        }
        catch (Exception ex) when (ex is XmlException or FormatException)
        {
            throw AwsErrorReader.Malformed(client.Service, Operation, response, ex.Message, ex);
        }
    }

    /// <exception cref="ArgumentException"><paramref name="groupName"/> is empty.</exception>
    public async Task<AutoScalingGroupLaunchSpec?> DescribeAutoScalingGroupAsync(string groupName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupName);
        const string operation = "DescribeAutoScalingGroups";
        var response = await client.SendAsync(QueryRequest(operation, [new("AutoScalingGroupNames.member.1", groupName)]), cancellationToken);
        try
        {
            return AutoScalingGroupXml.Parse(response.Body);
        }
        catch (Exception ex) when (ex is XmlException or FormatException)
        {
            throw AwsErrorReader.Malformed(client.Service, operation, response, ex.Message, ex);
        }
    }

    /// <summary>A Query-protocol call: <c>Action</c>, <c>Version</c> and the parameters, form-encoded in a POST body.</summary>
    public static SignedRequest QueryRequest(string action, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var all = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", ApiVersion) };
        all.AddRange(parameters);
        return new SignedRequest(action, HttpMethod.Post, "/")
        {
            Body = Encoding.UTF8.GetBytes(AwsUriEncoding.FormEncode(all)),
            ContentType = "application/x-www-form-urlencoded; charset=utf-8",
        };
    }
}
