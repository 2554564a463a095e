using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Faults;

/// <summary>
/// The paging lie of <see cref="EmulatorLies.LoopTokens"/>: every page of the listing carries the same NextToken, and
/// that token leads back to the first page, so a reader that trusts tokens never ends (or stops at a page limit and
/// believes it read everything). Covers the inventory's listings.
/// </summary>
internal static class TokenLoop
{
    public const string Token = "sim-loop-token";

    /// <summary>A request carrying the loop token asks for the first page again.</summary>
    public static void Rewind(object request)
    {
        switch (request)
        {
            case DescribeImagesRequest r when r.NextToken == Token: r.NextToken = null; break;
            case DescribeInstancesRequest r when r.NextToken == Token: r.NextToken = null; break;
            case DescribeLaunchTemplatesRequest r when r.NextToken == Token: r.NextToken = null; break;
            case DescribeLaunchTemplateVersionsRequest r when r.NextToken == Token: r.NextToken = null; break;
            case DescribeImageReferencesRequest r when r.NextToken == Token: r.NextToken = null; break;
            default: break;
        }
    }

    /// <summary>Every page says there is more, always with the same token.</summary>
    public static void Stamp(object? response)
    {
        switch (response)
        {
            case DescribeImagesResponse r: r.NextToken = Token; break;
            case DescribeInstancesResponse r: r.NextToken = Token; break;
            case DescribeLaunchTemplatesResponse r: r.NextToken = Token; break;
            case DescribeLaunchTemplateVersionsResponse r: r.NextToken = Token; break;
            case DescribeImageReferencesResponse r: r.NextToken = Token; break;
            default: break;
        }
    }
}
