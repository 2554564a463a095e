using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Restore;
using AmiAutomation.Core.Tagging;

namespace AmiAutomation.Core.Disabling;

/// <summary>
/// Plans bringing a disabled image back: EnableImage, the launch permissions its disable record kept (EnableImage does
/// not restore them: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/disable-an-ami.html), and a hold so the next
/// sweep does not disable it again. Pure: observations in, plan out. The hold and public access follow the restore
/// function's <see cref="RestorePolicy"/> (RESTORE_HOLD_DAYS, RESTORE_ALLOW_PUBLIC).
/// </summary>
public static class EnablePlanner
{
    /// <param name="record">The image's disable record; null when there is none (nothing to re-share).</param>
    /// <param name="current">The image as read now, with its launch permissions (null permissions = none).</param>
    public static EnablePlan Plan(DisableRecord? record, AmiImage current, RestorePolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(policy);
        var notes = new List<string>();
        if (record is null)
        {
            notes.Add($"No disable record for {current.ImageId}: no launch permissions to re-apply (shares lost at disable stay lost).");
        }

        var recorded = (record?.LaunchPermissions ?? []).Distinct().ToList();
        var skipped = new List<LaunchPermission>();
        if (!policy.AllowPublic && recorded.RemoveAll(p => p.Kind == LaunchPermissionKind.Public) > 0)
        {
            skipped.Add(LaunchPermission.Public);
            notes.Add("The image was public before it was disabled: not made public again (set RESTORE_ALLOW_PUBLIC=true to allow it).");
        }

        // A disabled image has no launch permissions (DisableImage removed them); what it shows now counts only once enabled.
        var present = current.State == ImageState.Disabled ? [] : current.LaunchPermissions ?? [];
        var toAdd = recorded
            .Where(p => !present.Contains(p) && !(p.Kind == LaunchPermissionKind.Public && current.IsPublic && current.State != ImageState.Disabled))
            .ToList();

        return new EnablePlan
        {
            Enable = current.State == ImageState.Disabled,
            LaunchPermissionsToAdd = toAdd,
            LaunchPermissionsSkipped = skipped,
            HoldUntil = Hold(current, policy, now),
            MarkRecordEnabled = record is not null && record.Status != DisableRecordStatus.Enabled,
            Notes = notes,
        };
    }

    /// <summary>
    /// now + the hold. Never shortens a hold; an image that is available and held already keeps its hold (a repeated
    /// enable, e.g. a duplicated self-healing event, changes nothing).
    /// </summary>
    private static DateTimeOffset? Hold(AmiImage current, RestorePolicy policy, DateTimeOffset now)
    {
        var until = now + policy.Hold;
        if (!TagTime.TryParse(current.Tag(TagNames.KeepUntil), out var held))
        {
            return until;
        }

        return held >= until || (current.State != ImageState.Disabled && held > now) ? null : until;
    }
}
