package org.jixiao.addons.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jixiao.api.NotFoundException;
import org.jixiao.api.ValidationException;
import org.jixiao.api.web.Upload;
import org.jixiao.api.web.WebHandler;
import org.jixiao.api.web.WebRequest;
import org.jixiao.api.web.WebResult;

/**
 * The add-ons page: the list, a confirmation page before each change, the upload of a signed archive and its preview.
 * Every change is a POST (the web layer checked its CSRF token) that follows a GET confirmation page; a refusal or a
 * failure shows the list again with its reason (400 or 409), nothing half done.
 */
final class AddonsPages implements WebHandler {

    private static final Set<String> DONE = Set.of("installed", "uninstalled", "archive");

    private final Addons addons;

    AddonsPages(Addons addons) {
        this.addons = addons;
    }

    @Override
    public WebResult handle(WebRequest request) {
        if (request.api()) {
            return null;
        }
        boolean post = "POST".equals(request.method());
        try {
            return switch (request.path()) {
                case "/", "" -> post ? null : list(request, null, null);
                case "/uninstall" -> post ? uninstall(request) : confirm(request, "uninstall");
                case "/install" -> post ? install(request) : confirm(request, "install");
                case "/upload" -> post ? upload(request) : WebResult.redirect("/");
                case "/preview" -> post ? archive(request) : preview(request);
                default -> null;
            };
        } catch (Refusal r) {
            return list(request, r, null).withStatus(r.key().equals("addons.failed") ? 409 : 400);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebResult list(WebRequest request, Refusal refusal, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>();
        model.put("addons", addons.list(request.actor()));
        model.put("manage", addons.mayManage(request.actor()));
        model.put("trustsAnyone", addons.trustsAnyone());
        String done = request.param("done");
        if (done != null && DONE.contains(done)) {
            model.put("done", request.message("addons.done." + done, String.valueOf(request.param("feature"))));
        }
        if (refusal != null) {
            model.put("refusal", request.message(refusal.key(), refusal.args()));
        }
        if (extra != null) {
            model.putAll(extra);
        }
        return WebResult.page("addons", model);
    }

    /** The confirmation page of an install or uninstall of a feature the node knows. */
    private WebResult confirm(WebRequest request, String action) {
        if (!addons.mayManage(request.actor())) {
            throw new org.jixiao.api.AccessDeniedException("add-ons: change");
        }
        var f = addons.feature(request.param("feature"), request.param("version"));
        Map<String, Object> model = new HashMap<>();
        model.put("action", action);
        model.put("feature", f.getName());
        model.put("version", f.getVersion());
        model.put("description", f.getDescription() == null ? "" : f.getDescription());
        return WebResult.page("addons-confirm", model);
    }

    private WebResult uninstall(WebRequest request) {
        String feature = request.param("feature");
        addons.uninstall(request.actor(), feature, request.param("version"));
        return WebResult.redirect("/?done=uninstalled&feature=" + encode(feature));
    }

    private WebResult install(WebRequest request) {
        String feature = request.param("feature");
        addons.install(request.actor(), feature, request.param("version"));
        return WebResult.redirect("/?done=installed&feature=" + encode(feature));
    }

    private WebResult upload(WebRequest request) throws IOException {
        Upload file = request.upload("file").orElseThrow(() -> ValidationException.of("file", "addons.file.missing"));
        if (file.size() == 0) {
            throw ValidationException.of("file", "addons.file.missing");
        }
        String sha256 = addons.upload(request.actor(), file.fileName(), file.bytes());
        return WebResult.redirect("/preview?sha256=" + sha256);
    }

    /** What installing the archive would change, and the button that does it (none when it is refused). */
    private WebResult preview(WebRequest request) {
        Addons.Pending p = addons.pending(request.actor(), request.param("sha256"), request.locale());
        Map<String, Object> model = new HashMap<>();
        model.put("sha256", p.verified().sha256());
        model.put("signer", p.verified().signer());
        model.put("features", p.kar().features());
        model.put("bundles", p.kar().bundles());
        model.put("owners", p.plan().owners());
        Refusal refusal = p.plan().refusal();
        if (refusal != null) {
            model.put("refusal", request.message(refusal.key(), refusal.args()));
        }
        return WebResult.page("addons-preview", model).withStatus(refusal == null ? 200 : 400);
    }

    private WebResult archive(WebRequest request) throws IOException {
        String sha256 = request.param("sha256");
        addons.installArchive(request.actor(), sha256);
        return WebResult.redirect("/?done=archive&feature=" + sha256.substring(0, 12));
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s == null ? "" : s, java.nio.charset.StandardCharsets.UTF_8);
    }

}
