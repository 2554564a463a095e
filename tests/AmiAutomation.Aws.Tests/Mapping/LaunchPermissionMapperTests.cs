using AmiAutomation.Aws.Mapping;
using AmiAutomation.Core.Images;
using Amazon.EC2;
using Sdk = Amazon.EC2.Model;

namespace AmiAutomation.Aws.Tests.Mapping;

public sealed class LaunchPermissionMapperTests
{
    public static TheoryData<LaunchPermission> Permissions() =>
    [
        new LaunchPermission(LaunchPermissionKind.Account, "111122223333"),
        new LaunchPermission(LaunchPermissionKind.Organization, "arn:aws:organizations::111122223333:organization/o-abc"),
        new LaunchPermission(LaunchPermissionKind.OrganizationalUnit, "arn:aws:organizations::111122223333:ou/o-abc/ou-xyz"),
        LaunchPermission.Public,
    ];

    [Theory]
    [MemberData(nameof(Permissions))]
    public void ToSdkThenToCore_EveryKind_RoundTrips(LaunchPermission permission) =>
        Assert.Equal(permission, LaunchPermissionMapper.ToCore(LaunchPermissionMapper.ToSdk(permission)));

    [Fact]
    public void ToSdk_Public_IsGroupAll()
    {
        var sdk = LaunchPermissionMapper.ToSdk(LaunchPermission.Public);

        Assert.Equal(PermissionGroup.All, sdk.Group);
        Assert.Null(sdk.UserId);
    }

    [Fact]
    public void ToCore_NullListAndEmptyEntries_GiveOnlyRealPermissions()
    {
        Assert.Empty(LaunchPermissionMapper.ToCore((IEnumerable<Sdk.LaunchPermission>?)null));
        Assert.Equal(
            [new LaunchPermission(LaunchPermissionKind.Account, "1")],
            LaunchPermissionMapper.ToCore([new Sdk.LaunchPermission(), new Sdk.LaunchPermission { UserId = "1" }]));
    }
}
