using AmiAutomation.Core.Tagging;
using Amazon.EC2.Model;

namespace AmiAutomation.Aws.Tests.Support;

/// <summary>SDK images of one family, as the family re-count's DescribeImages listings answer them.</summary>
internal static class FamilyImages
{
    public const string Account = "123456789012";

    public static Image Member(string id, string name, string created, string? familyTag = null) => new()
    {
        ImageId = id,
        Name = name,
        OwnerId = Account,
        CreationDate = created,
        State = Amazon.EC2.ImageState.Available,
        RootDeviceType = Amazon.EC2.DeviceType.Ebs,
        Tags = familyTag is null ? [] : [new Tag { Key = TagNames.Family, Value = familyTag }],
    };
}
