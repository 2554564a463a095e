using AmiAutomation.Lambda.Tests.Iam.Policy;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AmiAutomation.Lambda.Tests.Iam.Recording;

/// <summary>
/// Permissions EC2 checks as the caller because of a request's parameters:
/// <list type="bullet">
/// <item>DeregisterImage with <c>DeleteAssociatedSnapshots</c> deletes the snapshots as the caller: ec2:DeleteSnapshot on
/// each (without it EC2 reports <c>missing-permissions</c> per snapshot and keeps them;
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeregisterImage.html).</item>
/// <item>CopyImage tags the new image with <c>TagSpecifications</c> (and <c>CopyImageTags</c>): ec2:CreateTags on it with
/// <c>ec2:CreateAction</c> = CopyImage (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/CopyingAMIs.html).</item>
/// <item>An encrypted copy (a key given, <c>Encrypted</c>, or an encrypted source snapshot) uses KMS through EC2 on every
/// key involved: the actions EBS encryption needs
/// (https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption-requirements.html), with <c>kms:ViaService</c> =
/// <c>ec2.&lt;key's region&gt;.amazonaws.com</c>. Which action falls on which key is not documented, so all of them are
/// asked on each.</item>
/// </list>
/// </summary>
internal static class ImpliedPermissions
{
    /// <summary>"kms:ReEncrypt" in the EBS page is ReEncryptFrom and ReEncryptTo.</summary>
    public static readonly IReadOnlyList<string> EbsEncryptionActions =
        ["kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo"];

    public static IEnumerable<IamRequest> For(AmazonWebServiceRequest request, AuthorizationScope scope)
    {
        switch (request)
        {
            case DeregisterImageRequest { DeleteAssociatedSnapshots: true } deregister:
                foreach (var snapshot in scope.SnapshotsOf(deregister.ImageId))
                {
                    yield return Ec2Authorizations.Resource(
                        "ec2:DeleteSnapshot", snapshot, scope, $"implied by DeregisterImage {deregister.ImageId} (DeleteAssociatedSnapshots)");
                }

                break;
            case CopyImageRequest copy:
                foreach (var implied in CopyTags(copy, scope).Concat(Kms(copy, scope)))
                {
                    yield return implied;
                }

                break;
            default:
                break;
        }
    }

    private static IEnumerable<IamRequest> CopyTags(CopyImageRequest copy, AuthorizationScope scope)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (copy.CopyImageTags == true)
        {
            foreach (var (key, value) in scope.TagsOf(copy.SourceImageId, copy.SourceRegion).Where(t => !t.Key.StartsWith("aws:", StringComparison.Ordinal)))
            {
                tags[key] = value;
            }
        }

        foreach (var tag in (copy.TagSpecifications ?? []).Where(s => s.ResourceType == "image").SelectMany(s => s.Tags ?? []))
        {
            tags[tag.Key] = tag.Value ?? string.Empty;
        }

        if (tags.Count > 0)
        {
            yield return new IamRequest("ec2:CreateTags", scope.ImageArn("*"))
            {
                RequestTags = tags,
                Context = new Dictionary<string, string> { ["ec2:CreateAction"] = "CopyImage" },
                Origin = $"implied by CopyImage of {copy.SourceImageId} (tags on the new image)",
            };
        }
    }

    private static IEnumerable<IamRequest> Kms(CopyImageRequest copy, AuthorizationScope scope)
    {
        var keys = new List<(string Arn, string Region)>();
        var sourceKeys = scope.SnapshotsOf(copy.SourceImageId, copy.SourceRegion)
            .Select(id => scope.Simulator.FindSnapshot(copy.SourceRegion, id))
            .Where(s => s?.Encrypted == true)
            .Select(s => KeyArn(s!.KmsKeyId, copy.SourceRegion, scope))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        keys.AddRange(sourceKeys.Select(k => (k, copy.SourceRegion)));
        if (copy.KmsKeyId is not null || copy.Encrypted == true || sourceKeys.Count > 0)
        {
            keys.Add((KeyArn(copy.KmsKeyId, scope.Region, scope), scope.Region));
        }

        foreach (var (arn, region) in keys)
        {
            foreach (var action in EbsEncryptionActions)
            {
                var context = new Dictionary<string, string> { ["kms:ViaService"] = $"ec2.{region}.amazonaws.com" };
                if (action == "kms:CreateGrant")
                {
                    context["kms:GrantIsForAWSResource"] = "true";
                }

                yield return new IamRequest(action, arn) { Context = context, Origin = $"implied by encrypted CopyImage of {copy.SourceImageId} (key {arn})" };
            }
        }
    }

    /// <summary>A key ARN for a key id, alias or ARN; none = the region's default EBS key.</summary>
    private static string KeyArn(string? key, string region, AuthorizationScope scope) => key switch
    {
        null or "" => $"arn:{scope.Partition}:kms:{region}:{scope.AccountId}:alias/aws/ebs",
        _ when key.StartsWith("arn:", StringComparison.Ordinal) => key,
        _ when key.StartsWith("alias/", StringComparison.Ordinal) => $"arn:{scope.Partition}:kms:{region}:{scope.AccountId}:{key}",
        _ => $"arn:{scope.Partition}:kms:{region}:{scope.AccountId}:key/{key}",
    };
}
