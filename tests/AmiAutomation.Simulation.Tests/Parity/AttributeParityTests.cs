using AmiAutomation.TestKit.Moto;
using Amazon.EC2;
using Amazon.EC2.Model;
using SdkPermission = Amazon.EC2.Model.LaunchPermission;

namespace AmiAutomation.Simulation.Tests.Parity;

[Collection(MotoCollection.Name)]
public sealed class AttributeParityTests(MotoServerFixture moto) : ParityTest(moto)
{
    private static string Permissions(DescribeImageAttributeResponse response) =>
        response.ImageAttribute.LaunchPermissions is null
            ? "null"
            : string.Join(',', response.ImageAttribute.LaunchPermissions.Select(p => p.Group?.Value ?? p.UserId ?? p.OrganizationArn ?? p.OrganizationalUnitArn).Order(StringComparer.Ordinal));

    [Fact]
    public Task LaunchPermissions_AddRemove_PublicFlag() => AssertParity(async (backend, t) =>
    {
        var ec2 = backend[East];
        var instance = await Scenario.LaunchAsync(ec2);
        var image = await Scenario.ImageAsync(ec2, instance, "shared", "to share");
        t.Note("created", $"{instance} {image}");

        await t.Step("initial", () => ec2.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = image, Attribute = ImageAttributeName.LaunchPermission }), Permissions);
        await t.Step("add", () => ec2.ModifyImageAttributeAsync(new ModifyImageAttributeRequest { ImageId = image, LaunchPermission = new LaunchPermissionModifications { Add = [new SdkPermission { UserId = "111122223333" }, new SdkPermission { Group = PermissionGroup.All }] } }), _ => "ok");
        await t.Step("after add", () => ec2.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = image, Attribute = ImageAttributeName.LaunchPermission }), Permissions);
        await t.Step("public", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [image] }), r => r.Images.Single().Public);
        await t.Step("is-public filter", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("is-public", ["true"])] }), r => Scenario.Ids(r.Images));
        await t.Step("remove", () => ec2.ModifyImageAttributeAsync(new ModifyImageAttributeRequest { ImageId = image, LaunchPermission = new LaunchPermissionModifications { Remove = [new SdkPermission { Group = PermissionGroup.All }] } }), _ => "ok");
        await t.Step("after remove", () => ec2.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = image, Attribute = ImageAttributeName.LaunchPermission }), Permissions);
        await t.Step("private again", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [image] }), r => r.Images.Single().Public);
        await t.Step("bad user", () => ec2.ModifyImageAttributeAsync(new ModifyImageAttributeRequest { ImageId = image, LaunchPermission = new LaunchPermissionModifications { Add = [new SdkPermission { UserId = "bogus" }] } }), _ => "ok");
        await t.Step("bad group", () => ec2.ModifyImageAttributeAsync(new ModifyImageAttributeRequest { ImageId = image, LaunchPermission = new LaunchPermissionModifications { Add = [new SdkPermission { Group = new PermissionGroup("everyone") }] } }), _ => "ok");
        await t.Step("description", () => ec2.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = image, Attribute = ImageAttributeName.Description }), r => r.ImageAttribute.Description);
    });

    [Fact]
    public Task Tags_CreateFilterDeleteAndLimit() => AssertParity(async (backend, t) =>
    {
        var ec2 = backend[East];
        var instance = await Scenario.LaunchAsync(ec2);
        var image = await Scenario.ImageAsync(ec2, instance, "tagged");
        t.Note("created", $"{instance} {image}");

        await t.Step("create", () => ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [image], Tags = [new Tag("env", "prod"), new Tag("empty", string.Empty)] }), _ => "ok");
        await t.Step("overwrite", () => ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [image], Tags = [new Tag("env", "dev")] }), _ => "ok");
        await t.Step("described", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [image] }), r => Scenario.Describe(r.Images.Single()));
        await t.Step("filter", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"], Filters = [new Filter("tag:env", ["d*"])] }), r => Scenario.Ids(r.Images));
        await t.Step("unknown resource", () => ec2.CreateTagsAsync(new CreateTagsRequest { Resources = ["ami-0123456789abcdef0"], Tags = [new Tag("k", "v")] }), _ => "ok");
        await t.Step("51 tags", () => ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [image], Tags = Enumerable.Range(0, 51).Select(i => new Tag($"k{i}", "v")).ToList() }), _ => "ok");
        await t.Step("delete by key", () => ec2.DeleteTagsAsync(new DeleteTagsRequest { Resources = [image], Tags = [new Tag { Key = "empty" }] }), _ => "ok");
        await t.Step("after delete", () => ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [image] }), r => Scenario.Describe(r.Images.Single()));
    });
}
