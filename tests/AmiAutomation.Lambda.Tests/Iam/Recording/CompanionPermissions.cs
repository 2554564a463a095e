using AmiAutomation.Lambda.Tests.Iam.Policy;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AmiAutomation.Lambda.Tests.Iam.Recording;

/// <summary>
/// Permissions other services need from the caller's role to answer a request:
/// <list type="bullet">
/// <item>DescribeImageReferences: EC2 (service principal <c>ec2-images.amazonaws.com</c>, seen as <c>aws:CalledVia</c>)
/// reads each resource type asked for with the caller's permissions — the statements of the managed policy
/// AmazonEC2ImageReferencesAccessPolicy
/// (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEC2ImageReferencesAccessPolicy.html). Which
/// action serves which type is our reading of that policy.</item>
/// <item>DescribeLaunchTemplateVersions with <c>ResolveAlias</c>: ssm:GetParameters on the parameter a version's
/// <c>resolve:ssm:</c> image names (https://docs.aws.amazon.com/autoscaling/ec2/userguide/using-systems-manager-parameters.html;
/// whether the caller is checked is not documented, so the grant is required). Asked on a parameter of this account and
/// on an AWS public one (<c>/aws/service/…</c>, no account in its ARN).</item>
/// </list>
/// Resource ARNs are representative: the policies grant these on <c>*</c> or on a parameter pattern.
/// </summary>
internal static class CompanionPermissions
{
    public const string ImageReferencesService = "ec2-images.amazonaws.com";

    /// <summary>Resource type of DescribeImageReferences → the actions EC2 uses to read it.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ImageReferenceReads = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["ec2:Instance"] = ["ec2:DescribeInstances"],
        ["ec2:LaunchTemplate"] = ["ec2:DescribeLaunchTemplates", "ec2:DescribeLaunchTemplateVersions"],
        ["ssm:Parameter"] = ["ssm:DescribeParameters", "ssm:GetParameters"],
        ["imagebuilder:ImageRecipe"] = ["imagebuilder:ListImageRecipes"],
        ["imagebuilder:ContainerRecipe"] = ["imagebuilder:ListContainerRecipes", "imagebuilder:GetContainerRecipe"],
    };

    /// <summary>The companions DescribeImageReferences needs beyond the ec2 actions our sources call directly.</summary>
    public static IEnumerable<string> ImageReferenceCompanions =>
        ImageReferenceReads.Values.SelectMany(a => a).Where(a => !a.StartsWith("ec2:", StringComparison.Ordinal));

    public static IEnumerable<IamRequest> For(AmazonWebServiceRequest request, AuthorizationScope scope)
    {
        switch (request)
        {
            case DescribeImageReferencesRequest references:
                var types = references.IncludeAllResourceTypes == true
                    ? ImageReferenceReads.Keys
                    : (references.ResourceTypes ?? []).Select(t => t.ResourceType?.Value ?? string.Empty);
                foreach (var type in types)
                {
                    var actions = ImageReferenceReads.TryGetValue(type, out var known)
                        ? known
                        : throw new NotSupportedException($"DescribeImageReferences resource type '{type}': add what EC2 reads for it to {nameof(CompanionPermissions)}.");
                    foreach (var action in actions)
                    {
                        yield return new IamRequest(action, ImageReferenceResource(action, scope))
                        {
                            CalledVia = [ImageReferencesService],
                            Origin = $"companion of DescribeImageReferences ({type}) in {scope.Region}",
                        };
                    }
                }

                break;
            case DescribeLaunchTemplateVersionsRequest { ResolveAlias: true }:
                foreach (var parameter in new[]
                {
                    $"arn:{scope.Partition}:ssm:{scope.Region}:{scope.AccountId}:parameter/golden/web/ami",
                    $"arn:{scope.Partition}:ssm:{scope.Region}::parameter/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
                })
                {
                    yield return new IamRequest("ssm:GetParameters", parameter) { Origin = $"companion of DescribeLaunchTemplateVersions (ResolveAlias) in {scope.Region}" };
                }

                break;
            default:
                break;
        }
    }

    private static string ImageReferenceResource(string action, AuthorizationScope scope) => action switch
    {
        "ssm:GetParameters" => $"arn:{scope.Partition}:ssm:{scope.Region}:{scope.AccountId}:parameter/golden/web/ami",
        "imagebuilder:GetContainerRecipe" => $"arn:{scope.Partition}:imagebuilder:{scope.Region}:{scope.AccountId}:container-recipe/web/1.0.0",
        _ => "*",
    };
}
