using AmiAutomation.Lambda.Tests.Support;
using AmiAutomation.Simulation;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Lambda.Tests.Iam.Recording;

public sealed class Ec2AuthorizationsTests
{
    private const string Home = SimulatedStack.Home;
    private const string UsEast = SimulatedStack.UsEast;
    private readonly Ec2Simulator _ec2 = new(new FakeTimeProvider(SimulatedStack.Start));

    [Fact]
    public void CreateTags_OneRequestPerResource_WithItsTagsAndTheRequestTags()
    {
        var image = _ec2.AddImage(Home, b => b.Named("web-1").Tagged("team", "web").WithSnapshot(8));
        var snapshot = _ec2.SnapshotIdsOf(Home, image).Single();

        var requests = Ec2Authorizations.For(
            new CreateTagsRequest { Resources = [image, snapshot], Tags = [new Tag("ami-lifecycle:recycle-bin", "retain")] }, new AuthorizationScope(_ec2, Home));

        Assert.Equal([$"arn:aws:ec2:{Home}::image/{image}", $"arn:aws:ec2:{Home}::snapshot/{snapshot}"], requests.Select(r => r.Resource));
        Assert.Equal("web", requests[0].ResourceTags["team"]);
        Assert.All(requests, r => Assert.Equal(["ami-lifecycle:recycle-bin"], r.RequestTags.Keys));
    }

    [Fact]
    public void DeregisterImageWithSnapshots_ImpliesDeleteSnapshotOnEach()
    {
        var image = _ec2.AddImage(Home, b => b.Named("web-1").WithSnapshot(8).WithSnapshot(16));

        var requests = Ec2Authorizations.For(new DeregisterImageRequest { ImageId = image, DeleteAssociatedSnapshots = true }, new AuthorizationScope(_ec2, Home));
        var without = Ec2Authorizations.For(new DeregisterImageRequest { ImageId = image }, new AuthorizationScope(_ec2, Home));

        Assert.Equal(["ec2:DeregisterImage", "ec2:DeleteSnapshot", "ec2:DeleteSnapshot"], requests.Select(r => r.Action));
        Assert.Equal(["ec2:DeregisterImage"], without.Select(r => r.Action));
    }

    [Fact]
    public void CopyImage_SourceSnapshotsNewImageTagsAndKmsOnEveryKey()
    {
        const string SourceKey = "arn:aws:kms:eu-west-1:123456789012:key/source";
        var source = _ec2.AddImage(Home, b => b.Named("db-1").Tagged("team", "db").WithSnapshot(8, encrypted: true, kmsKeyId: SourceKey));
        var copy = new CopyImageRequest
        {
            SourceImageId = source,
            SourceRegion = Home,
            Name = "db-1",
            Encrypted = true,
            KmsKeyId = "1234abcd-12ab-34cd-56ef-1234567890ab",
            TagSpecifications = [new TagSpecification { ResourceType = "image", Tags = [new Tag("ami-lifecycle:source-image", source)] }],
        };

        var requests = Ec2Authorizations.For(copy, new AuthorizationScope(_ec2, UsEast));

        Assert.Equal(
            [$"arn:aws:ec2:{Home}::image/{source}", $"arn:aws:ec2:{Home}::snapshot/{_ec2.SnapshotIdsOf(Home, source).Single()}", $"arn:aws:ec2:{UsEast}::image/*"],
            requests.Where(r => r.Action == "ec2:CopyImage").Select(r => r.Resource));
        var tagging = Assert.Single(requests, r => r.Action == "ec2:CreateTags");
        Assert.Equal("CopyImage", tagging.Context["ec2:CreateAction"]);
        var kms = requests.Where(r => r.Namespace == "kms").ToList();
        Assert.Equal(2 * ImpliedPermissions.EbsEncryptionActions.Count, kms.Count);
        Assert.All(kms.Where(r => r.Resource == SourceKey), r => Assert.Equal($"ec2.{Home}.amazonaws.com", r.Context["kms:ViaService"]));
        Assert.All(kms.Where(r => r.Resource != SourceKey), r => Assert.Equal($"ec2.{UsEast}.amazonaws.com", r.Context["kms:ViaService"]));
        Assert.Contains(kms, r => r.Resource == $"arn:aws:kms:{UsEast}:{_ec2.AccountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    }

    [Fact]
    public void UnencryptedCopy_NeedsNoKms() =>
        Assert.DoesNotContain(
            Ec2Authorizations.For(
                new CopyImageRequest { SourceImageId = _ec2.AddImage(Home, b => b.Named("a-1").WithSnapshot(8)), SourceRegion = Home, Name = "a-1" },
                new AuthorizationScope(_ec2, UsEast)),
            r => r.Namespace == "kms");

    [Fact]
    public void DescribeImageReferences_OnlyTheTypesAsked_UnderCalledVia()
    {
        var request = new DescribeImageReferencesRequest
        {
            ImageIds = ["ami-1"],
            ResourceTypes = [new ResourceTypeRequest { ResourceType = "ec2:Instance" }],
        };

        var requests = Ec2Authorizations.For(request, new AuthorizationScope(_ec2, Home));

        Assert.Equal(["ec2:DescribeImageReferences", "ec2:DescribeInstances"], requests.Select(r => r.Action));
        Assert.Equal([CompanionPermissions.ImageReferencesService], requests[1].CalledVia);
    }
}
