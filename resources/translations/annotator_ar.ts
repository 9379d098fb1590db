<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
    <context>
        <name>actions</name>
        <message>
            <location filename="annotator/gui/actions.py" line="57" />
            <source>&amp;Save</source>
            <translation>&amp;حفظ</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="57" />
            <source>Save</source>
            <translation>حفظ</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="57" />
            <source>Validate and write the annotations</source>
            <translation>تحقّق من التوسيمات واكتبها</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="59" />
            <source>&amp;Mark done and open next</source>
            <translation>&amp;إنهاء وفتح التالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="59" />
            <source>✓ Done</source>
            <translation>✓ تم</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="59" />
            <source>Strict check: jumps to the first problem, or saves and opens the next</source>
            <translation>تحقّق صارم: ينتقل إلى أول مشكلة، أو يحفظ ويفتح التالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="62" />
            <source>S&amp;kip document and open next</source>
            <translation>&amp;تخطّي المستند وفتح التالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="62" />
            <source>Mark it skipped (not relevant, duplicate, unreadable), save, open the next</source>
            <translation>يُعلَّم متخطّى (غير ذي صلة، مكرّر، غير مقروء)، ويُحفظ، ويُفتح التالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="65" />
            <source>&amp;Export dataset…</source>
            <translation>&amp;تصدير مجموعة البيانات…</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="65" />
            <source>Export the project in a dataset format, with its card and checksums</source>
            <translation>تصدير المشروع بصيغة مجموعة بيانات، مع بطاقتها ومجاميع التحقق</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="67" />
            <source>&amp;Import annotations…</source>
            <translation>&amp;استيراد توسيمات…</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="67" />
            <source>Bring in brat, doccano, Label Studio, CoNLL or JSONL annotations</source>
            <translation>استيراد توسيمات brat أو doccano أو Label Studio أو CoNLL أو JSONL</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="69" />
            <source>A&amp;greement between coders…</source>
            <translation>&amp;الاتفاق بين المرمّزين…</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="69" />
            <source>Span, event and field agreement of every pair of coders</source>
            <translation>الاتفاق على المقاطع والأحداث والحقول لكل زوج من المرمّزين</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="72" />
            <source>&amp;Quit</source>
            <translation>&amp;خروج</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="74" />
            <source>&amp;Undo</source>
            <translation>&amp;تراجع</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="74" />
            <source>Undo</source>
            <translation>تراجع</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="76" />
            <source>&amp;Redo</source>
            <translation>&amp;إعادة</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="76" />
            <source>Redo</source>
            <translation>إعادة</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="78" />
            <source>&amp;Filter spans</source>
            <translation>&amp;تصفية المقاطع</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="80" />
            <source>Go to first &amp;problem</source>
            <translation>الانتقال إلى أول &amp;مشكلة</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="80" />
            <source>Select the first thing that is missing or wrong</source>
            <translation>تحديد أول ما هو ناقص أو خاطئ</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="83" />
            <source>&amp;Label as…</source>
            <translation>&amp;وسم بـ…</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="83" />
            <source>Pick a label from a list</source>
            <translation>اختيار وسم من قائمة</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="85" />
            <source>Leave out leading &amp;proclitic (و ف ب ل ك)</source>
            <translation>استبعاد &amp;السابقة في أول الكلمة (و ف ب ل ك)</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="85" />
            <source>Proclitic  X</source>
            <translation>السابقة  X</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="88" />
            <source>&amp;Fit span to the selection</source>
            <translation>&amp;ملاءمة المقطع للتحديد</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="88" />
            <source>Move the boundaries of the span under the selection (or the one last clicked) to the selection; its roles stay</source>
            <translation>نقل حدود المقطع الواقع تحت التحديد (أو آخر مقطع نُقر) إلى التحديد؛ تبقى أدواره كما هي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="92" />
            <source>&amp;Delete span</source>
            <translation>&amp;حذف المقطع</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="94" />
            <source>Snap selections to &amp;whole words</source>
            <translation>توسيع التحديد إلى &amp;كلمات كاملة</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="97" />
            <source>&amp;New event from trigger</source>
            <translation>&amp;حدث جديد من المُطلِق</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="97" />
            <source>New event  E</source>
            <translation>حدث جديد  E</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="97" />
            <source>The selected TRIGGER span (or the selection, labelled TRIGGER) becomes the trigger of a new event</source>
            <translation type="vanished">يصبح المقطع المحدّد من نوع المُطلِق (أو التحديد موسومًا مُطلِقًا) مُطلِقَ حدث جديد</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="101" />
            <source>Fill &amp;role…</source>
            <translation>ملء &amp;دور…</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="101" />
            <source>Pick a role of the current event from a list</source>
            <translation>اختيار دور للحدث الحالي من قائمة</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="103" />
            <source>Pre&amp;vious event</source>
            <translation>الحدث ال&amp;سابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="105" />
            <source>Ne&amp;xt event</source>
            <translation>الحدث ال&amp;تالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="107" />
            <source>Delete current e&amp;vent</source>
            <translation>حذف الحدث ال&amp;حالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="110" />
            <source>&amp;Adjudicate this document</source>
            <translation>&amp;تحكيم هذا المستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="110" />
            <source>The gold set beside every coder's work: decide each disagreement (again: back to coding)</source>
            <translation>المجموعة المرجعية بجانب عمل كل مرمّز: احسم كل خلاف (مرة أخرى: العودة إلى الترميز)</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="114" />
            <source>Accept coder &amp;A</source>
            <translation>قبول المرمّز &amp;A</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="114" />
            <source>A</source>
            <translation>A</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="117" />
            <source>Accept coder &amp;B</source>
            <translation>قبول المرمّز &amp;B</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="117" />
            <source>B</source>
            <translation>B</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="120" />
            <source>Accept coder &amp;C</source>
            <translation>قبول المرمّز &amp;C</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="120" />
            <source>C</source>
            <translation>C</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="123" />
            <source>Accept &amp;all versions (both)</source>
            <translation>قبول &amp;كل الصيغ (كلتيهما)</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="123" />
            <source>All</source>
            <translation>الكل</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="125" />
            <source>&amp;Reject every version</source>
            <translation>&amp;رفض كل الصيغ</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="125" />
            <source>Reject</source>
            <translation>رفض</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="127" />
            <source>&amp;Edit: start from coder A’s version</source>
            <translation>&amp;تحرير: البدء من صيغة المرمّز A</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="127" />
            <source>Edit</source>
            <translation>تحرير</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="130" />
            <source>&amp;Next open disagreement</source>
            <translation>الخلاف المفتوح ال&amp;تالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="132" />
            <source>&amp;Previous open disagreement</source>
            <translation>الخلاف المفتوح ال&amp;سابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="136" />
            <source>&amp;Previous document</source>
            <translation>المستند ال&amp;سابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="136" />
            <source>‹ Previous</source>
            <translation>‹ السابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="138" />
            <source>&amp;Next document</source>
            <translation>المستند ال&amp;تالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="138" />
            <source>Next ›</source>
            <translation>التالي ›</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="140" />
            <source>Focus the &amp;text</source>
            <translation>التركيز على ال&amp;نص</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="140" />
            <source>Back to the text from a field (Esc)</source>
            <translation>العودة إلى النص من حقل (Esc)</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="142" />
            <source>Focus the &amp;span table</source>
            <translation>التركيز على جدول ال&amp;مقاطع</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="144" />
            <source>Focus the &amp;event panel</source>
            <translation>التركيز على لوحة ال&amp;أحداث</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="146" />
            <source>Focus the &amp;document list</source>
            <translation>التركيز على قائمة ال&amp;مستندات</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="149" />
            <source>Zoom &amp;in</source>
            <translation>&amp;تكبير</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="150" />
            <source>Zoom &amp;out</source>
            <translation>ت&amp;صغير</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="151" />
            <source>&amp;Reset zoom</source>
            <translation>&amp;إعادة التكبير</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="152" />
            <source>The system's language</source>
            <translation type="vanished">لغة النظام</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="152" />
            <source>Language</source>
            <translation>اللغة</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="154" />
            <source>English</source>
            <translation>English (الإنجليزية)</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="156" />
            <source>العربية (Arabic)</source>
            <translation>العربية</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="159" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;اختصارات لوحة المفاتيح</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="169" />
            <source>Label selection as</source>
            <translation>وسم التحديد بـ</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="175" />
            <source>Fill role with selection</source>
            <translation>ملء دور بالتحديد</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="152" />
            <source>The system’s language</source>
            <translation>لغة النظام</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="79" />
            <source>&amp;Find in the document…</source>
            <translation>&amp;بحث في المستند…</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="79" />
            <source>Arabic-normalised: harakat, hamza on alef, ى/ي, ة/ه and proclitics do not matter («احد» finds «أحد», «الأحد»)</source>
            <translation>بحث موحّد للعربية: لا تهم الحركات ولا همزة الألف ولا ى/ي ولا ة/ه ولا السوابق («احد» تجد «أحد» و«الأحد»)</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="83" />
            <source>Find &amp;next</source>
            <translation>البحث عن ال&amp;تالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="83" />
            <source>Also Enter in the find bar</source>
            <translation>وكذلك Enter في شريط البحث</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="85" />
            <source>Find pre&amp;vious</source>
            <translation>البحث عن ال&amp;سابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="85" />
            <source>Also Shift+Enter in the find bar</source>
            <translation>وكذلك Shift+Enter في شريط البحث</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="88" />
            <source>Ctrl+F while the span table has the focus (Ctrl+2); Arabic-normalised</source>
            <translation>Ctrl+F حين يكون التركيز على جدول المقاطع (Ctrl+2)؛ بحث موحّد للعربية</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="91" />
            <source>&amp;Search the project…</source>
            <translation>&amp;البحث في المشروع…</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="91" />
            <source>Every document: keyword in context, optionally only inside spans of a label; a row opens the document at the match</source>
            <translation>كل المستندات: الكلمة في سياقها، ويمكن قصر البحث على مقاطع وسم معيّن؛ كل صف يفتح المستند عند موضع التطابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="173" />
            <source>&amp;Automatic (by the first letter)</source>
            <translation>&amp;تلقائي (بحسب أول حرف)</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="173" />
            <source>Text direction</source>
            <translation>اتجاه النص</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="173" />
            <source>Lay the text out as its first strong letter reads (kept per document)</source>
            <translation>عرض النص باتجاه أول حرف قوي فيه (يُحفظ لكل مستند)</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="177" />
            <source>&amp;Right-to-left</source>
            <translation>&amp;من اليمين إلى اليسار</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="177" />
            <source>Lay this document out right-to-left, even if it starts in Latin letters</source>
            <translation>عرض هذا المستند من اليمين إلى اليسار، حتى لو بدأ بحروف لاتينية</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="180" />
            <source>&amp;Left-to-right</source>
            <translation>من اليسار إلى الي&amp;مين</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="180" />
            <source>Lay this document out left-to-right</source>
            <translation>عرض هذا المستند من اليسار إلى اليمين</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="183" />
            <source>Switch text &amp;direction</source>
            <translation>تبديل &amp;اتجاه النص</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="183" />
            <source>Automatic, right-to-left, left-to-right in turn (kept per document)</source>
            <translation>تلقائي، ثم من اليمين إلى اليسار، ثم من اليسار إلى اليمين بالتناوب (يُحفظ لكل مستند)</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="186" />
            <source>Show in&amp;visible characters</source>
            <translation>إظهار المحارف ال&amp;خفية</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="186" />
            <source>Mark RLM, LRM, ZWNJ, ZWJ, no-break spaces and tatweel, to see why a selection snapped as it did; the text is not changed</source>
            <translation>تعليم RLM وLRM وZWNJ وZWJ والمسافات غير الفاصلة والتطويل، لمعرفة سبب تعديل التحديد؛ النص لا يتغيّر</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="115" />
            <source>The selected trigger span (or the selection, labelled as a trigger) becomes the trigger of a new event</source>
            <translation>يصبح مقطع المُطلِق المحدّد (أو التحديد موسومًا مُطلِقًا) مُطلِقَ حدث جديد</translation>
        </message>
    </context>
    <context>
        <name>menu</name>
        <message>
            <location filename="annotator/gui/actions.py" line="0" />
            <source>&amp;File</source>
            <translation>&amp;ملف</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="0" />
            <source>&amp;Edit</source>
            <translation>&amp;تحرير</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="0" />
            <source>&amp;Span</source>
            <translation>&amp;مقطع</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="0" />
            <source>&amp;Event</source>
            <translation>&amp;حدث</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="0" />
            <source>&amp;Adjudicate</source>
            <translation>&amp;تحكيم</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="0" />
            <source>&amp;Navigate</source>
            <translation>&amp;تنقّل</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="0" />
            <source>&amp;View</source>
            <translation>&amp;عرض</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="0" />
            <source>&amp;Help</source>
            <translation>&amp;مساعدة</translation>
        </message>
    </context>
    <context>
        <name>sheet</name>
        <message>
            <location filename="annotator/gui/actions.py" line="350" />
            <source>or</source>
            <translation>أو</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="342" />
            <source>Keyboard shortcuts</source>
            <translation>اختصارات لوحة المفاتيح</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="343" />
            <source>Letters, digits, Space, X, [ ] and Delete work while the text or the span table has the focus (Ctrl+1 / Ctrl+2), never while you type in a field.</source>
            <translation>تعمل الحروف والأرقام وSpace وX و[ ] وDelete حين يكون التركيز على النص أو جدول المقاطع (Ctrl+1 / Ctrl+2)، ولا تعمل أبدًا أثناء الكتابة في حقل.</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="347" />
            <source>In the adjudication panel (Ctrl+Shift+A) the keys A B C Y R E N P decide and step through the disagreements.</source>
            <translation>في لوحة التحكيم (Ctrl+Shift+A) تحسم المفاتيح A B C Y R E N P الخلافات وتتنقّل بينها.</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="358" />
            <source>menu only</source>
            <translation>من القائمة فقط</translation>
        </message>
        <message>
            <location filename="annotator/gui/actions.py" line="369" />
            <source>Ctrl+F finds in the text (in the span table: filters it); Ctrl+Shift+F searches every document of the project.</source>
            <translation>Ctrl+F يبحث في النص (وفي جدول المقاطع: يصفّيه)؛ وCtrl+Shift+F يبحث في كل مستندات المشروع.</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <location filename="annotator/gui/main_window.py" line="142" />
            <source>Documents</source>
            <translation>المستندات</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="144" />
            <source>Spans</source>
            <translation>المقاطع</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="146" />
            <source>Coding</source>
            <translation>الترميز</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="148" />
            <source>Adjudication</source>
            <translation>التحكيم</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="573" />
            <source>{project} — annotator</source>
            <translation>{project} — annotator</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="426" />
            <source>No current event: make one with E</source>
            <translation>لا يوجد حدث حالي: أنشئ حدثًا بالمفتاح E</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="449" />
            <source>Selections snap to whole words</source>
            <translation>يتوسّع التحديد إلى كلمات كاملة</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="450" />
            <source>Selections keep their exact characters</source>
            <translation>يحتفظ التحديد بحروفه كما هي</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="488" />
            <source>Nothing missing</source>
            <translation>لا شيء ناقص</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="575" />
            <source>{title} (read-only)[*] — {project} — annotator</source>
            <translation>{title} (للقراءة فقط)[*] — {project} — annotator</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="577" />
            <source>{title}[*] — {project} — annotator</source>
            <translation>{title}[*] — {project} — annotator</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="462" />
            <source>Zoom {zoom} %</source>
            <translation>التكبير: {zoom}%</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="509" />
            <source>To do: {problem}</source>
            <translation>المطلوب: {problem}</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="307" />
            <source>internal error ({error})</source>
            <translation>خطأ داخلي ({error})</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="311" />
            <source>Not done: {reason}</source>
            <translation>لم يُنفَّذ: {reason}</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="324" />
            <source>Undone: {what}</source>
            <translation>تم التراجع عن: {what}</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="331" />
            <source>Redone: {what}</source>
            <translation>أُعيد: {what}</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="386" />
            <source>Selected {span}: {label} {text}</source>
            <translation type="vanished">المقطع المحدَّد {span}: {label} {text}</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="565" />
            <source>&amp;Undo {what}</source>
            <translation>&amp;تراجع عن {what}</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="567" />
            <source>&amp;Redo {what}</source>
            <translation>&amp;إعادة {what}</translation>
        </message>
    </context>
    <context>
        <name>adjudication</name>
        <message>
            <location filename="annotator/app/adjudication.py" line="133" />
            <source>no disagreement to decide</source>
            <translation>لا يوجد خلاف لحسمه</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="164" />
            <source>Adjudication of {doc}: {open} open of 1 disagreement</source>
            <translation>تحكيم {doc}: الخلافات المفتوحة {open} من أصل 1</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="166" />
            <source>Adjudication of {doc}: {open} open of {total} disagreements</source>
            <translation>تحكيم {doc}: الخلافات المفتوحة {open} من أصل {total}</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="205" />
            <source>open</source>
            <translation>مفتوح</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="285" />
            <source>day</source>
            <translation>يوم</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="285" />
            <source>week</source>
            <translation>أسبوع</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="286" />
            <source>month</source>
            <translation>شهر</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="286" />
            <source>year</source>
            <translation>سنة</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="298" />
            <source>span</source>
            <translation>مقطع</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="79" />
            <source>{doc} cannot be adjudicated: {reasons}</source>
            <translation>لا يمكن تحكيم {doc}: {reasons}</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="191" />
            <source>the same</source>
            <translation>متطابق</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="207" />
            <source>rejected</source>
            <translation>مرفوض</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="280" />
            <source>yes</source>
            <translation>نعم</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="280" />
            <source>no</source>
            <translation>لا</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="310" />
            <source>event field</source>
            <translation>حقل حدث</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="311" />
            <source>document field</source>
            <translation>حقل مستند</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="66" />
            <source>you ({coder}) code {doc} blind and have not finished it: adjudication would show the other coders' work</source>
            <translation>أنت ({coder}) ترمّز {doc} ترميزًا معمًّى ولم تُنهه بعد: التحكيم سيكشف لك عمل المرمّزين الآخرين</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="75" />
            <source>{doc} is not ready to adjudicate: waiting for {coders} to finish it</source>
            <translation>{doc} غير جاهز للتحكيم: في انتظار أن يُنهيه {coders}</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="81" />
            <source>no coder has finished it</source>
            <translation>لم يُنهه أي مرمّز</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="146" />
            <source>there is no coder {letter} here</source>
            <translation>لا يوجد مرمّز {letter} هنا</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="297" />
            <source>span {text}</source>
            <translation>مقطع {text}</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="304" />
            <source>event {type} {text}</source>
            <translation>حدث {type} {text}</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="306" />
            <source>event {type}</source>
            <translation>حدث {type}</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="322" />
            <source>trigger {text}</source>
            <translation>المُطلِق {text}</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="94" />
            <source>{path} names no coder whose set is there to compare</source>
            <translation>لا يذكر {path} أي مرمّز توجد مجموعته للمقارنة</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="209" />
            <source>accepted {coders}</source>
            <translation>مقبول {coders}</translation>
        </message>
        <message>
            <location filename="annotator/app/adjudication.py" line="193" />
            <source>(+{count} the same)</source>
            <translation>(+{count} متطابقة)</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="82" />
            <source>Adjudicating {doc}: 1 open disagreement · A/B accept a coder, Y all, R reject, E edit, N next</source>
            <translation>تحكيم {doc}: خلاف مفتوح واحد · A/B قبول مرمّز، Y الكل، R رفض، E تحرير، N التالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="85" />
            <source>Adjudicating {doc}: {count} open disagreements · A/B accept a coder, Y all, R reject, E edit, N next</source>
            <translation>تحكيم {doc}: الخلافات المفتوحة {count} · A/B قبول مرمّز، Y الكل، R رفض، E تحرير، N التالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="166" />
            <source>Edit the gold set with the coding keys; Ctrl+4 … or click the list to go on deciding</source>
            <translation>حرّر المجموعة المرجعية بمفاتيح الترميز؛ Ctrl+4 … أو انقر القائمة لمتابعة الحسم</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="189" />
            <source>1 disagreement is still open; it is selected</source>
            <translation>ما زال خلاف واحد مفتوحًا، وقد حُدِّد</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="191" />
            <source>{count} disagreements are still open; the first is selected</source>
            <translation>الخلافات التي ما زالت مفتوحة: {count}؛ حُدِّد أولها</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="50" />
            <source>Open a document to adjudicate first</source>
            <translation>افتح مستندًا أولًا لتحكيمه</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="127" />
            <source>Every disagreement is decided: Ctrl+Enter marks the gold set done</source>
            <translation>حُسمت الخلافات كلها: Ctrl+Enter يعلّم المجموعة المرجعية منجزة</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="177" />
            <source>No open disagreement left</source>
            <translation>لم يبقَ خلاف مفتوح</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="71" />
            <source>Cannot adjudicate</source>
            <translation>تعذّر التحكيم</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="62" />
            <source>Not adjudicated: {reason}</source>
            <translation>لم يُحكَّم: {reason}</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="121" />
            <source>Not done: {reason}</source>
            <translation>لم يُنفَّذ: {reason}</translation>
        </message>
        <message>
            <location filename="annotator/gui/adjudication_mode.py" line="126" />
            <source>Decided · {count} open</source>
            <translation>حُسم · المفتوح: {count}</translation>
        </message>
    </context>
    <context>
        <name>document</name>
        <message>
            <location filename="annotator/app/document.py" line="158" />
            <source>nothing to restore</source>
            <translation>لا شيء للاستعادة</translation>
        </message>
        <message>
            <location filename="annotator/app/document.py" line="255" />
            <source>Something is missing now: saved as in progress</source>
            <translation>ينقص شيء الآن: حُفظ على أنه قيد العمل</translation>
        </message>
        <message>
            <location filename="annotator/app/document.py" line="286" />
            <source>Read-only: the file cannot be locked</source>
            <translation type="vanished">للقراءة فقط: تعذّر قفل الملف</translation>
        </message>
        <message>
            <location filename="annotator/app/document.py" line="180" />
            <source>{path}: this window no longer holds the lock ({holder}). Your work stays in the recovery file; reopen the document.</source>
            <translation>{path}: لم تعد هذه النافذة تملك القفل ({holder}). يبقى عملك في ملف الاستعادة؛ أعد فتح المستند.</translation>
        </message>
        <message>
            <location filename="annotator/app/document.py" line="183" />
            <source>the lock file is gone</source>
            <translation>ملف القفل لم يعد موجودًا</translation>
        </message>
        <message>
            <location filename="annotator/app/document.py" line="211" />
            <source>Not saved: {reason}</source>
            <translation>لم يُحفظ: {reason}</translation>
        </message>
        <message>
            <location filename="annotator/app/document.py" line="284" />
            <source>Read-only: {reason}</source>
            <translation>للقراءة فقط: {reason}</translation>
        </message>
        <message>
            <location filename="annotator/app/document.py" line="287" />
            <source>{path}: cannot lock the file for editing ({error})</source>
            <translation>{path}: تعذّر قفل الملف للتحرير ({error})</translation>
        </message>
        <message>
            <location filename="annotator/app/recovery.py" line="47" />
            <source>{spans} spans and {events} events, autosaved {when}</source>
            <translation>المقاطع: {spans}، الأحداث: {events}، حُفظت تلقائيًا في {when}</translation>
        </message>
        <message>
            <location filename="annotator/app/document.py" line="288" />
            <source>Read-only: the file cannot be locked ({reason})</source>
            <translation>للقراءة فقط: تعذّر قفل الملف ({reason})</translation>
        </message>
    </context>
    <context>
        <name>documents</name>
        <message>
            <location filename="annotator/app/worklist.py" line="23" />
            <source>not started</source>
            <translation>لم يبدأ</translation>
        </message>
        <message>
            <location filename="annotator/app/worklist.py" line="24" />
            <source>in progress</source>
            <translation>قيد العمل</translation>
        </message>
        <message>
            <location filename="annotator/app/worklist.py" line="25" />
            <source>done</source>
            <translation>منجز</translation>
        </message>
        <message>
            <location filename="annotator/app/worklist.py" line="26" />
            <source>skipped</source>
            <translation>متخطّى</translation>
        </message>
        <message>
            <location filename="annotator/app/worklist.py" line="27" />
            <source>unreadable</source>
            <translation>غير مقروء</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_list.py" line="32" />
            <source>All</source>
            <translation>الكل</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_list.py" line="78" />
            <source>Show only the documents with this status</source>
            <translation>عرض المستندات التي لها هذه الحالة فقط</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_list.py" line="81" />
            <source>Mine</source>
            <translation>مستنداتي</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_list.py" line="83" />
            <source>The documents assigned to you, or every document of the project</source>
            <translation>المستندات المسندة إليك، أو كل مستندات المشروع</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_list.py" line="107" />
            <source>Show</source>
            <translation>عرض</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_list.py" line="176" />
            <source>{done} / {total} done · {skipped} skipped</source>
            <translation>المنجز {done} من {total} · المتخطّى {skipped}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_list.py" line="177" />
            <source>{done} / {total} done</source>
            <translation>المنجز {done} من {total}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_list.py" line="181" />
            <source>{status}: {count}</source>
            <translation>{status}: {count}</translation>
        </message>
    </context>
    <context>
        <name>list</name>
        <message>
            <location filename="annotator/app/adjudication.py" line="278" />
            <source>, </source>
            <translation>، </translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="426" />
            <source>; </source>
            <translation>؛ </translation>
        </message>
    </context>
    <context>
        <name>find</name>
        <message>
            <location filename="annotator/gui/find_bar.py" line="73" />
            <source>Find in the document: أحد = احد = الأحد …</source>
            <translation>بحث في المستند: أحد = احد = الأحد …</translation>
        </message>
        <message>
            <location filename="annotator/gui/find_bar.py" line="82" />
            <source>Previous match (Shift+Enter, Shift+F3)</source>
            <translation>التطابق السابق (Shift+Enter، Shift+F3)</translation>
        </message>
        <message>
            <location filename="annotator/gui/find_bar.py" line="83" />
            <source>Next match (Enter, F3)</source>
            <translation>التطابق التالي (Enter، F3)</translation>
        </message>
        <message>
            <location filename="annotator/gui/find_bar.py" line="85" />
            <source>Whole words</source>
            <translation>كلمات كاملة</translation>
        </message>
        <message>
            <location filename="annotator/gui/find_bar.py" line="87" />
            <source>Only where a word starts and ends (off: inside words too)</source>
            <translation>فقط حيث تبدأ الكلمة وتنتهي (عند الإلغاء: داخل الكلمات أيضًا)</translation>
        </message>
        <message>
            <location filename="annotator/gui/find_bar.py" line="89" />
            <source>With proclitics</source>
            <translation>مع السوابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/find_bar.py" line="91" />
            <source>A word may start with و ف ب ل ك and ال before the query</source>
            <translation>قد تبدأ الكلمة بـ و ف ب ل ك و«ال» قبل نص البحث</translation>
        </message>
        <message>
            <location filename="annotator/gui/find_bar.py" line="93" />
            <source>Close (Esc)</source>
            <translation>إغلاق (Esc)</translation>
        </message>
        <message>
            <location filename="annotator/gui/find_bar.py" line="195" />
            <source>No match</source>
            <translation>لا تطابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/find_bar.py" line="198" />
            <source>{current} of {total}</source>
            <translation>{current} من {total}</translation>
        </message>
    </context>
    <context>
        <name>flow</name>
        <message>
            <location filename="annotator/gui/document_flow.py" line="163" />
            <source>Not done: {reason}</source>
            <translation>لم يُنفَّذ: {reason}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="180" />
            <source>Not skipped: {reason}</source>
            <translation>لم يُتخطَّ: {reason}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="214" />
            <source>{doc} done; now {next}</source>
            <translation>أُنجز {doc}؛ والآن {next}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="215" />
            <source>{doc} skipped; now {next}</source>
            <translation>تُخطّي {doc}؛ والآن {next}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="75" />
            <source>Recovery file</source>
            <translation>ملف الاستعادة</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="172" />
            <source>Not done yet: 1 problem; first: {first}</source>
            <translation>لم يُنجز بعد: فيه مشكلة: {first}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="173" />
            <source>Not done yet: {count} problems; first: {first}</source>
            <translation>لم يُنجز بعد: المشكلات {count}، أولها: {first}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="200" />
            <source>{doc}: the {coder} set is done; Ctrl+PgDown adjudicates the next document</source>
            <translation>{doc}: أُنجزت مجموعة {coder}؛ Ctrl+PgDown يحكّم المستند التالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="202" />
            <source>{doc}: the {coder} set is skipped; Ctrl+PgDown adjudicates the next document</source>
            <translation>{doc}: تُخطّيت مجموعة {coder}؛ Ctrl+PgDown يحكّم المستند التالي</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="208" />
            <source>{doc} done. Every document of the project is done or skipped.</source>
            <translation>أُنجز {doc}. كل مستندات المشروع منجزة أو متخطّاة.</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="210" />
            <source>{doc} skipped. Every document of the project is done or skipped.</source>
            <translation>تُخطّي {doc}. كل مستندات المشروع منجزة أو متخطّاة.</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="70" />
            <source>Cannot open the document</source>
            <translation>تعذّر فتح المستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="100" />
            <source>Annotation file in another coder's folder</source>
            <translation>ملف توسيمات في مجلد مرمّز آخر</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="108" />
            <source>This file has a problem: {first}</source>
            <translation>في هذا الملف مشكلة: {first}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="109" />
            <source>This file has {count} problems; first: {first}</source>
            <translation>مشكلات هذا الملف: {count}؛ أولها: {first}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="104" />
            <source>{path} holds another coder's work; saving it makes it {coder}'s</source>
            <translation>{path} يحوي عمل مرمّز آخر؛ حفظه يجعله عمل {coder}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="155" />
            <source>This is the last document</source>
            <translation>هذا آخر مستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="156" />
            <source>This is the first document</source>
            <translation>هذا أول مستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="167" />
            <source>Not done yet: {reason}</source>
            <translation>لم يُنجز بعد: {reason}</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="101" />
            <source>{path}: {problem}.

Saving it here makes it your work (coder {coder}); no other coder's file is changed.</source>
            <translation>{path}: {problem}.

حفظه هنا يجعله عملك (المرمّز {coder})، ولا يتغيّر ملف أي مرمّز آخر.</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="85" />
            <source>Restored unsaved work ({summary}); Ctrl+Z undoes the restore</source>
            <translation>استُعيد العمل غير المحفوظ ({summary})؛ Ctrl+Z يتراجع عن الاستعادة</translation>
        </message>
        <message>
            <location filename="annotator/gui/document_flow.py" line="87" />
            <source>Could not restore: {reason}</source>
            <translation>تعذّرت الاستعادة: {reason}</translation>
        </message>
    </context>
    <context>
        <name>menus</name>
        <message>
            <location filename="annotator/gui/main_window.py" line="422" />
            <source>Label as</source>
            <translation>وسم بـ</translation>
        </message>
        <message>
            <location filename="annotator/gui/main_window.py" line="430" />
            <source>Fill role</source>
            <translation>ملء دور</translation>
        </message>
        <message>
            <location filename="annotator/gui/menus.py" line="42" />
            <source>Fill role of {event}</source>
            <translation>ملء دور في {event}</translation>
        </message>
    </context>
    <context>
        <name>missing</name>
        <message>
            <location filename="annotator/gui/missing_box.py" line="35" />
            <source>Choose a sub-type</source>
            <translation>اختر نوعًا فرعيًا</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="37" />
            <source>Mark the trigger: the word that names the event</source>
            <translation>حدّد المُطلِق: الكلمة التي تسمّي الحدث</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="65" />
            <source>Missing</source>
            <translation>النواقص</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="50" />
            <source>Document: set {field}</source>
            <translation>المستند: املأ {field}</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="110" />
            <source>Missing ({count}): needed before the document can be done</source>
            <translation>النواقص ({count}): مطلوبة قبل إنجاز المستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="111" />
            <source>Missing: needed before the document can be done</source>
            <translation>النواقص: مطلوبة قبل إنجاز المستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="113" />
            <source>Missing ({count})</source>
            <translation>النواقص ({count})</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="115" />
            <source>✓ Nothing missing</source>
            <translation>✓ لا شيء ناقص</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="40" />
            <source>Fill {role}</source>
            <translation>املأ {role}</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="44" />
            <source>Set {field}</source>
            <translation>املأ {field}</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="97" />
            <source>… and {count} more about the document</source>
            <translation>… وأمور أخرى عن المستند: {count}</translation>
        </message>
        <message>
            <location filename="annotator/gui/missing_box.py" line="106" />
            <source>Other events with something missing: {events}</source>
            <translation>أحداث أخرى ينقصها شيء: {events}</translation>
        </message>
    </context>
    <context>
        <name>panel</name>
        <message>
            <location filename="annotator/gui/event_panel.py" line="99" />
            <source>Events</source>
            <translation>الأحداث</translation>
        </message>
        <message>
            <location filename="annotator/gui/event_panel.py" line="124" />
            <source>Document</source>
            <translation>المستند</translation>
        </message>
    </context>
    <context>
        <name>saving</name>
        <message>
            <location filename="annotator/gui/saving.py" line="136" />
            <source>Saved {doc} · {count} still missing</source>
            <translation>حُفظ {doc} · ما زال ناقصًا: {count}</translation>
        </message>
        <message>
            <location filename="annotator/gui/saving.py" line="137" />
            <source>Saved {doc}</source>
            <translation>حُفظ {doc}</translation>
        </message>
        <message>
            <location filename="annotator/gui/saving.py" line="66" />
            <source>Not saved</source>
            <translation>لم يُحفظ</translation>
        </message>
        <message>
            <location filename="annotator/gui/saving.py" line="119" />
            <source>Autosave failed: {error}</source>
            <translation>فشل الحفظ التلقائي: {error}</translation>
        </message>
        <message>
            <location filename="annotator/gui/saving.py" line="63" />
            <source>Not saved: {reason}</source>
            <translation>لم يُحفظ: {reason}</translation>
        </message>
    </context>
    <context>
        <name>search</name>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="118" />
            <source>Document</source>
            <translation>المستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="118" />
            <source>Before</source>
            <translation>قبل</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="118" />
            <source>Match</source>
            <translation>التطابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="119" />
            <source>After</source>
            <translation>بعد</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="264" />
            <source>A word or phrase: أحد = احد = الأحد …</source>
            <translation>كلمة أو عبارة: أحد = احد = الأحد …</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="267" />
            <source>Search</source>
            <translation>بحث</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="272" />
            <source>(any)</source>
            <translation>(أيّ)</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="275" />
            <source>Only matches inside spans with this label (as last saved)</source>
            <translation>التطابقات داخل مقاطع هذا الوسم فقط (كما حُفظت آخر مرة)</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="282" />
            <source>Only matches inside this coder's spans (as last saved)</source>
            <translation>التطابقات داخل مقاطع هذا المرمّز فقط (كما حُفظت آخر مرة)</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="284" />
            <source>Whole words</source>
            <translation>كلمات كاملة</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="286" />
            <source>With proclitics</source>
            <translation>مع السوابق</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="288" />
            <source>A word may start with و ف ب ل ك and ال before the query</source>
            <translation>قد تبدأ الكلمة بـ و ف ب ل ك و«ال» قبل نص البحث</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="297" />
            <source>Type a word or phrase, then Enter.</source>
            <translation>اكتب كلمة أو عبارة، ثم اضغط Enter.</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="375" />
            <source>Searching…</source>
            <translation>جارٍ البحث…</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="409" />
            <source>1 match in 1 document</source>
            <translation>تطابق واحد في مستند واحد</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="161" />
            <source>{title}
{doc}, characters {start}–{end}</source>
            <translation>{title}
{doc}، المحارف من {start} إلى {end}</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="326" />
            <source>&amp;Find:</source>
            <translation>&amp;بحث:</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="329" />
            <source>&amp;Label:</source>
            <translation>&amp;الوسم:</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="331" />
            <source>&amp;Coder:</source>
            <translation>ال&amp;مرمّز:</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="357" />
            <source>Type a word or phrase: letters, digits or signs.</source>
            <translation>اكتب كلمة أو عبارة: حروفًا أو أرقامًا أو رموزًا.</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="411" />
            <source>{total} matches in 1 document</source>
            <translation>التطابقات: {total} في مستند واحد</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="413" />
            <source>{total} matches in {documents} documents</source>
            <translation>التطابقات: {total}، في المستندات: {documents}</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="253" />
            <source>Search the project — {project}</source>
            <translation>البحث في المشروع — {project}</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="416" />
            <source>the first {count} shown</source>
            <translation>عُرض أول {count}</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="418" />
            <source>{count} document(s) indexed for search first</source>
            <translation>مستندات فُهرست للبحث أولًا: {count}</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="421" />
            <source>{count} could not be read</source>
            <translation>ما تعذّرت قراءته: {count}</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="428" />
            <source>{summary}. Enter or a double click opens a row.</source>
            <translation>{summary}. يفتح مفتاح Enter أو النقر المزدوج الصف المحدد.</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="429" />
            <source>{summary}.</source>
            <translation>{summary}.</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="165" />
            <source>inside {spans}</source>
            <translation>داخل {spans}</translation>
        </message>
        <message>
            <location filename="annotator/gui/search_dialog.py" line="394" />
            <source>Search failed (internal error: {error}); it was logged.</source>
            <translation>فشل البحث (خطأ داخلي: {error})؛ وقد سُجّل.</translation>
        </message>
    </context>
    <context>
        <name>spans</name>
        <message>
            <location filename="annotator/gui/span_table.py" line="106" />
            <source>Filter by label or text…</source>
            <translation>تصفية بحسب الوسم أو النص…</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_table.py" line="140" />
            <source>Enter: show in text · Delete: remove · a label's key: relabel</source>
            <translation>Enter: الإظهار في النص · Delete: الحذف · مفتاح الوسم: إعادة الوسم</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_table.py" line="217" />
            <source>1 span</source>
            <translation>مقطع واحد</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_table.py" line="217" />
            <source>{total} spans</source>
            <translation>المقاطع: {total}</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_table.py" line="219" />
            <source>{shown} of 1 span shown</source>
            <translation>المعروض {shown} من مقطع واحد</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_table.py" line="220" />
            <source>{shown} of {total} spans shown</source>
            <translation>المقاطع المعروضة: {shown} من {total}</translation>
        </message>
        <message>
            <location filename="annotator/gui/span_table.py" line="177" />
            <source>Enter: show in text · Delete: remove · relabel with a key: {keys}</source>
            <translation>Enter: الإظهار في النص · Delete: الحذف · إعادة الوسم بمفتاح: {keys}</translation>
        </message>
    </context>
    <context>
        <name>start</name>
        <message>
            <location filename="annotator/gui/app.py" line="134" />
            <source>This project has no documents yet: add some with 'annotator import'</source>
            <translation>لا مستندات في هذا المشروع بعد: أضف بعضها بالأمر «annotator import»</translation>
        </message>
        <message>
            <location filename="annotator/gui/app.py" line="138" />
            <source>No such document</source>
            <translation>لا يوجد هذا المستند</translation>
        </message>
        <message>
            <location filename="annotator/gui/app.py" line="139" />
            <source>{project}: no document {doc}</source>
            <translation>{project}: لا يوجد المستند {doc}</translation>
        </message>
    </context>
    <context>
        <name>view</name>
        <message>
            <location filename="annotator/gui/text_options.py" line="71" />
            <source>automatic (by the first letter)</source>
            <translation>تلقائي (بحسب أول حرف)</translation>
        </message>
        <message>
            <location filename="annotator/gui/text_options.py" line="72" />
            <source>right-to-left</source>
            <translation>من اليمين إلى اليسار</translation>
        </message>
        <message>
            <location filename="annotator/gui/text_options.py" line="73" />
            <source>left-to-right</source>
            <translation>من اليسار إلى اليمين</translation>
        </message>
        <message>
            <location filename="annotator/gui/text_options.py" line="74" />
            <source>Text direction: {mode} for this document</source>
            <translation>اتجاه النص لهذا المستند: {mode}</translation>
        </message>
        <message>
            <location filename="annotator/gui/text_options.py" line="75" />
            <source>Text direction: {mode}</source>
            <translation>اتجاه النص: {mode}</translation>
        </message>
        <message>
            <location filename="annotator/gui/text_options.py" line="88" />
            <source>Invisible characters are marked (RLM, ZWNJ, NBSP, tatweel ...)</source>
            <translation>المحارف الخفية معلَّمة (RLM وZWNJ وNBSP والتطويل …)</translation>
        </message>
        <message>
            <location filename="annotator/gui/text_options.py" line="90" />
            <source>Invisible characters are not marked</source>
            <translation>المحارف الخفية غير معلَّمة</translation>
        </message>
    </context>
    <context>
        <name>names</name>
        <message>
            <location filename="annotator/core/names.py" line="45" />
            <source>Trigger</source>
            <translation>المُطلِق</translation>
        </message>
    </context>
</TS>
