using AmiAutomation.TestKit.Moto;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Parity;

/// <summary>Fixtures stay ≤ 15 results: moto never pages launch templates.</summary>
[Collection(MotoCollection.Name)]
public sealed class LaunchTemplateParityTests(MotoServerFixture moto) : ParityTest(moto)
{
    private static string Versions(DescribeLaunchTemplateVersionsResponse response) => response.LaunchTemplateVersions is null
        ? "null"
        : string.Join(',', response.LaunchTemplateVersions.OrderBy(v => v.VersionNumber).Select(v => $"{v.VersionNumber}{(v.DefaultVersion == true ? "*" : string.Empty)}={v.LaunchTemplateData.ImageId}"));

    [Fact]
    public Task Templates_VersionsAliasesNumbersAndErrors() => AssertParity(async (backend, t) =>
    {
        var ec2 = backend[East];
        var created = await ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest { LaunchTemplateName = "web-lt", LaunchTemplateData = new RequestLaunchTemplateData { ImageId = "ami-00000001" } });
        var id = created.LaunchTemplate.LaunchTemplateId;
        foreach (var image in new[] { "ami-00000002", "ami-00000003", "ami-00000004" })
        {
            await ec2.CreateLaunchTemplateVersionAsync(new CreateLaunchTemplateVersionRequest { LaunchTemplateId = id, LaunchTemplateData = new RequestLaunchTemplateData { ImageId = image } });
        }

        await ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest { LaunchTemplateName = "api-lt", LaunchTemplateData = new RequestLaunchTemplateData { ImageId = "ami-00000009" } });
        t.Note("created", id);

        await t.Step("templates", () => ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest()), r => string.Join(',', r.LaunchTemplates.OrderBy(l => l.LaunchTemplateName, StringComparer.Ordinal).Select(l => $"{l.LaunchTemplateName} default={l.DefaultVersionNumber} latest={l.LatestVersionNumber}")));
        await t.Step("by name", () => ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { LaunchTemplateNames = ["web-lt"] }), r => r.LaunchTemplates.Single().LaunchTemplateId);
        await t.Step("by id", () => ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { LaunchTemplateIds = [id] }), r => r.LaunchTemplates.Single().LaunchTemplateName);
        await t.Step("all versions", () => ec2.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = id }), Versions);
        await t.Step("latest", () => ec2.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = id, Versions = ["$Latest"] }), Versions);
        await t.Step("default", () => ec2.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateName = "web-lt", Versions = ["$Default"] }), Versions);
        await t.Step("numbers", () => ec2.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = id, Versions = ["2", "$Latest"] }), Versions);
        await t.Step("set default", () => ec2.ModifyLaunchTemplateAsync(new ModifyLaunchTemplateRequest { LaunchTemplateId = id, DefaultVersion = "3" }), r => r.LaunchTemplate.DefaultVersionNumber);
        await t.Step("default moved", () => ec2.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = id, Versions = ["$Default"] }), Versions);
        await t.Step("unknown version", () => ec2.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = id, Versions = ["99"] }), Versions);
        await t.Step("unknown name", () => ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { LaunchTemplateNames = ["nope-lt"] }), r => r.LaunchTemplates.Count);
        await t.Step("duplicate name", () => ec2.CreateLaunchTemplateAsync(new CreateLaunchTemplateRequest { LaunchTemplateName = "web-lt", LaunchTemplateData = new RequestLaunchTemplateData { ImageId = "ami-00000001" } }), r => r.LaunchTemplate.LaunchTemplateId);
    });
}
