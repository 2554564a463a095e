using AmiAutomation.Lambda.Tests.Iam.Policy;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AmiAutomation.Lambda.Tests.Iam.Recording;

/// <summary>
/// What IAM authorizes for one EC2 request as the function sends it: the action on each resource it names (with
/// the resource's tags and the request's tags), then what EC2 checks on the caller's behalf
/// (<see cref="ImpliedPermissions"/>) and what it asks for through a service principal
/// (<see cref="CompanionPermissions"/>). Resource types per action:
/// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html. An action not listed
/// below is authorized on <c>*</c> (the Describe/List actions, which have no resource-level permissions); a new
/// mutating call needs a case here, or a template scoped to ARNs will (rightly) refuse it in the lockstep.
/// </summary>
internal static class Ec2Authorizations
{
    public static IReadOnlyList<IamRequest> For(AmazonWebServiceRequest request, AuthorizationScope scope)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        var action = ActionOf(request);
        var requests = Direct(action, request, scope).ToList();
        requests.AddRange(ImpliedPermissions.For(request, scope));
        requests.AddRange(CompanionPermissions.For(request, scope));
        return requests;
    }

    /// <summary><c>ec2:</c> + the SDK request class name without <c>Request</c> (the SDK names them after the API action).</summary>
    public static string ActionOf(AmazonWebServiceRequest request) =>
        "ec2:" + request.GetType().Name[..^"Request".Length];

    private static IEnumerable<IamRequest> Direct(string action, AmazonWebServiceRequest request, AuthorizationScope scope)
    {
        var origin = $"{action[4..]} in {scope.Region}";
        switch (request)
        {
            case CreateTagsRequest tags:
                var written = (tags.Tags ?? []).ToDictionary(t => t.Key, t => t.Value ?? string.Empty, StringComparer.Ordinal);
                foreach (var id in tags.Resources ?? [])
                {
                    yield return Resource(action, id, scope, origin + " " + id) with { RequestTags = written };
                }

                break;
            case DeleteTagsRequest untag:
                // aws:TagKeys on DeleteTags are the keys named for removal.
                var removed = (untag.Tags ?? []).ToDictionary(t => t.Key, t => t.Value ?? string.Empty, StringComparer.Ordinal);
                foreach (var id in untag.Resources ?? [])
                {
                    yield return Resource(action, id, scope, origin + " " + id) with { RequestTags = removed };
                }

                break;
            case CopyImageRequest copy:
                // Authorized on the source image and its snapshots (source region) and on the new image (here).
                yield return new IamRequest(action, scope.ImageArn(copy.SourceImageId, copy.SourceRegion))
                {
                    ResourceTags = scope.TagsOf(copy.SourceImageId, copy.SourceRegion),
                    Origin = $"{origin}, source {copy.SourceImageId} in {copy.SourceRegion}",
                };
                foreach (var snapshot in scope.SnapshotsOf(copy.SourceImageId, copy.SourceRegion))
                {
                    yield return new IamRequest(action, scope.SnapshotArn(snapshot, copy.SourceRegion))
                    {
                        ResourceTags = scope.TagsOf(snapshot, copy.SourceRegion),
                        Origin = $"{origin}, source snapshot {snapshot}",
                    };
                }

                yield return new IamRequest(action, scope.ImageArn("*")) { Origin = $"{origin}, the new image" };
                break;
            case DescribeImageAttributeRequest r:
                yield return Resource(action, r.ImageId, scope, origin);
                break;
            case EnableImageDeprecationRequest r:
                yield return Resource(action, r.ImageId, scope, origin);
                break;
            case DisableImageDeprecationRequest r:
                yield return Resource(action, r.ImageId, scope, origin);
                break;
            case DeregisterImageRequest r:
                yield return Resource(action, r.ImageId, scope, origin);
                break;
            case ModifyImageAttributeRequest r:
                yield return Resource(action, r.ImageId, scope, origin);
                break;
            case DisableImageRequest r:
                yield return Resource(action, r.ImageId, scope, origin);
                break;
            case EnableImageRequest r:
                yield return Resource(action, r.ImageId, scope, origin);
                break;
            case EnableImageDeregistrationProtectionRequest r:
                yield return Resource(action, r.ImageId, scope, origin);
                break;
            case DisableImageDeregistrationProtectionRequest r:
                yield return Resource(action, r.ImageId, scope, origin);
                break;
            case RestoreImageFromRecycleBinRequest r:
                yield return Resource(action, r.ImageId, scope, origin);
                break;
            case RestoreSnapshotFromRecycleBinRequest r:
                yield return Resource(action, r.SnapshotId, scope, origin);
                break;
            case DeleteSnapshotRequest r:
                yield return Resource(action, r.SnapshotId, scope, origin);
                break;
            default:
                yield return new IamRequest(action, "*") { Origin = origin };
                break;
        }
    }

    /// <summary>An image or snapshot by id, with its current tags.</summary>
    internal static IamRequest Resource(string action, string id, AuthorizationScope scope, string origin)
    {
        var arn = id.StartsWith("snap-", StringComparison.Ordinal) ? scope.SnapshotArn(id)
            : id.StartsWith("ami-", StringComparison.Ordinal) ? scope.ImageArn(id)
            : throw new NotSupportedException($"{action} on '{id}': only images and snapshots are mapped to ARNs; add this resource type to {nameof(Ec2Authorizations)}.");
        return new IamRequest(action, arn) { ResourceTags = scope.TagsOf(id), Origin = origin };
    }
}
