package org.learninglog.e2e;

import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import java.nio.file.Path;

/** Renders a page template of the launcher's sources with its frame, with the engine the launcher uses (Spring expressions), without a model: as served with local accounts ({@code signInAtProvider} unset). */
final class PageTemplates {

    private PageTemplates() {
    }

    static String render(Path page) {
        Path templates = page.getParent().getParent();
        FileTemplateResolver resolver = new FileTemplateResolver();
        resolver.setPrefix(templates + "/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        String name = templates.relativize(page).toString().replace('\\', '/');
        return engine.process(name.substring(0, name.length() - ".html".length()), new Context());
    }
}
