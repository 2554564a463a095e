using System.CommandLine;

namespace AmiAutomation.Cli.Commands;

/// <summary>The AWS CLI's conventions on one command: <c>--region</c> (repeatable or comma-separated),
/// <c>--profile</c>, <c>--endpoint-url</c>.</summary>
internal sealed class AwsTargetOptions
{
    public AwsTargetOptions(string regionDescription, int maxRegions)
    {
        Regions = CommonOptions.Regions(regionDescription, maxRegions);
    }

    public Option<string[]> Regions { get; }

    public Option<string?> Profile { get; } = CommonOptions.Profile();

    public Option<string?> EndpointUrl { get; } = CommonOptions.EndpointUrl();

    public void AddTo(Command command)
    {
        command.Options.Add(Regions);
        command.Options.Add(Profile);
        command.Options.Add(EndpointUrl);
    }

    public IReadOnlyList<string> RegionList(ParseResult parse) => parse.GetValue(Regions) ?? [];

    /// <summary>The one region of a single-region command (the parser allowed at most one), or null.</summary>
    public string? Region(ParseResult parse) => RegionList(parse) is [var region, ..] ? region : null;

    /// <summary>The <c>--set</c> items with <c>--profile</c> and <c>--endpoint-url</c> folded in (see <see cref="CommonOptions.AwsSettings"/>).</summary>
    public IReadOnlyList<string> Settings(ParseResult parse, Option<string[]> set) =>
        CommonOptions.AwsSettings(parse.GetValue(set), parse.GetValue(Profile), parse.GetValue(EndpointUrl));
}
