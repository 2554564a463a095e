using System.Globalization;
using AmiAutomation.TestKit.Moto;
using AmiAutomation.TestKit.Repository;
using Amazon.EC2.Model;
using Xunit.Abstractions;

namespace AmiAutomation.Cli.Tests.Docs;

/// <summary>
/// The doc-test: every shell command in README.md runs (<see cref="DocCommandRunner"/>) and exits 0, or its block is
/// marked <c>&lt;!-- doc-test: skip (why) --&gt;</c>. Commands for an AWS account run against moto_server (fake
/// credentials, a few images in us-east-1 and eu-west-1; <c>DISABLED_REFERENCE_SOURCES=ImageReferences</c>, since moto
/// has no DescribeImageReferences); <c>--simulate</c> and <c>simulate</c> run on the in-memory simulator. Every run,
/// covered and skipped command is written to the test output, and a floor on the commands run keeps skips from
/// swallowing the document.
/// </summary>
[Collection("moto")]
public sealed class ReadmeCommandTests(MotoServerFixture moto, ITestOutputHelper output)
{
    /// <summary>Fewer commands run than this means the README lost its runnable examples or the markers took over.</summary>
    private const int MinimumRun = 10;

    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(4);
    private static readonly string[] SeededRegions = ["us-east-1", "eu-west-1"];

    [Fact]
    public async Task Readme_EveryShellCommand_ExitsZeroOrIsMarkedSkipped()
    {
        await SeedMotoAsync();
        var commands = MarkdownCommands.Extract(await File.ReadAllTextAsync(RepositoryRoot.File("README.md")));
        var results = await RunAllAsync(commands);

        var skipped = commands.Where(c => c.Skip is not null).ToList();
        output.WriteLine($"README.md: {commands.Count} shell commands; {results.Count(r => r.Outcome == DocCommandResult.RanOutcome)} ran, "
            + $"{results.Count(r => r.Outcome == DocCommandResult.CoveredOutcome)} covered elsewhere, {skipped.Count} skipped, {results.Count(r => r.IsFailure)} failed");
        results.ForEach(r => output.WriteLine(r.ToString()));
        skipped.ForEach(c => output.WriteLine($"skipped ({c.Skip})  {c}"));

        var failed = results.Where(r => r.IsFailure).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} README command(s) failed:\n{string.Join("\n", failed)}");
        Assert.True(results.Count(r => r.Outcome == DocCommandResult.RanOutcome) >= MinimumRun,
            $"only {results.Count(r => r.Outcome == DocCommandResult.RanOutcome)} README commands ran (at least {MinimumRun} expected); skipped: {skipped.Count}");
    }

    [Fact]
    public async Task Readme_TopCommands_AreTheOnesCiRuns()
    {
        var commands = MarkdownCommands.Extract(await File.ReadAllTextAsync(RepositoryRoot.File("README.md")));
        var ci = await File.ReadAllTextAsync(RepositoryRoot.File(".ci", "run"));
        const string MainJob = "dotnet run -c Release --project src/AmiAutomation.Cli -- simulate";

        // The first block of README is the two commands a newcomer runs; .ci/run runs both verbatim.
        Assert.Equal([MainJob, DocCommandRunner.TestCommand], commands.Take(2).Select(c => c.Text));
        Assert.All(commands.Take(2), c => Assert.Null(c.Skip));
        Assert.Contains("\n" + MainJob + "\n", ci, StringComparison.Ordinal);
        Assert.Contains(DocCommandRunner.TestCommand + " 2>&1", ci, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/functions.md")]
    [InlineData("docs/deploy.md")]
    [InlineData("docs/performance.md")]
    public void Document_EveryRelativeLinkAndAnchor_Resolves(string document)
    {
        var broken = MarkdownLinks.Broken(RepositoryRoot.Path, document);

        Assert.True(broken.Count == 0, $"{broken.Count} broken link(s):\n{string.Join("\n", broken)}");
    }

    [Fact]
    public void Anchors_FollowGitHubSlugs()
    {
        var anchors = MarkdownLinks.Anchors("## The `ami-automation` CLI\n### 1. A read-only IAM policy for `plan`\n## Runs: status, lease\n## Runs: status, lease\n");

        Assert.Equal(["the-ami-automation-cli", "1-a-read-only-iam-policy-for-plan", "runs-status-lease", "runs-status-lease-1"], anchors.ToArray());
    }

    [Fact]
    public async Task Runner_BrokenOrUnknownCommands_Fail()
    {
        const string Markdown = """
            ```bash
            ami-automation simulate --days 2 --images 10 --no-such-option
            dotnet run --project src/AmiAutomation.Cli -- simulate
            ami-automation plan | head
            ```
            """;
        var results = await RunAllAsync(MarkdownCommands.Extract(Markdown));

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.True(r.IsFailure, r.ToString()));
        Assert.Contains("exited 2", results[0].Detail, StringComparison.Ordinal);
        Assert.Contains("no runner", results[1].Detail, StringComparison.Ordinal);
        Assert.Contains("'|'", results[2].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_SkipMarker_AppliesToTheNextBlockOnly_AndCommentsAndContinuationsAreHandled()
    {
        const string Markdown = """
            <!-- doc-test: skip (needs an AWS account) -->

            ```bash
            # a comment line
            aws lambda invoke --function-name x \
              --payload file://events/x.json out.json   # trailing comment
            ```

            Some text.

            ```sh
            ami-automation plan --set 'FAMILY_PATTERN=^(?<family>web)#x'
            ```

            ```json
            {"not": "a command"}
            ```
            """;
        var commands = MarkdownCommands.Extract(Markdown);

        Assert.Equal(2, commands.Count);
        Assert.Equal("aws lambda invoke --function-name x --payload file://events/x.json out.json", commands[0].Text);
        Assert.Equal("needs an AWS account", commands[0].Skip);
        Assert.Null(commands[1].Skip);
        Assert.Equal(["ami-automation", "plan", "--set", "FAMILY_PATTERN=^(?<family>web)#x"], ShellWords.Split(commands[1].Text));
    }

    private async Task<List<DocCommandResult>> RunAllAsync(IReadOnlyList<DocCommand> commands)
    {
        var scratch = Directory.CreateTempSubdirectory("readme-doc-test-");
        try
        {
            var runner = new DocCommandRunner(Environment, RepositoryRoot.Path, scratch.FullName);
            var results = new List<DocCommandResult>();
            foreach (var command in commands.Where(c => c.Skip is null))
            {
                results.Add(await runner.RunAsync(command, Budget));
            }

            return results;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private Dictionary<string, string> Environment => new(StringComparer.Ordinal)
    {
        ["AWS_ENDPOINT_URL"] = moto.ServiceUrl,
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["AWS_REGION"] = SeededRegions[0],
        ["AWS_MAX_ATTEMPTS"] = "1",
        ["DISABLED_REFERENCE_SOURCES"] = "ImageReferences",
    };

    private async Task SeedMotoAsync()
    {
        await moto.ResetAsync();
        foreach (var region in SeededRegions)
        {
            using var ec2 = moto.CreateEc2Client(region);
            for (var i = 1; i <= 3; i++)
            {
                await ec2.RegisterImageAsync(new RegisterImageRequest
                {
                    Name = string.Create(CultureInfo.InvariantCulture, $"web-1.{i}.0"),
                    RootDeviceName = "/dev/xvda",
                    BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new EbsBlockDevice { VolumeSize = 8 } }],
                });
            }
        }
    }
}
